/** What jsdom lacks and Fluent UI uses; imported first by the pane's component tests. */
class ResizeObserverStub {
  observe(): void { /* jsdom has no layout: nothing ever resizes */ }
  unobserve(): void { /* idem */ }
  disconnect(): void { /* idem */ }
}
const g = globalThis as { ResizeObserver?: unknown };
if (typeof window !== 'undefined' && g.ResizeObserver === undefined) g.ResizeObserver = ResizeObserverStub;
export {};

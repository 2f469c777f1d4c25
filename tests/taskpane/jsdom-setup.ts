/** What jsdom lacks and the pane uses (Fluent UI, the xlsx reader); imported first by the component tests. */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';

class ResizeObserverStub {
  observe(): void { /* jsdom has no layout: nothing ever resizes */ }
  unobserve(): void { /* idem */ }
  disconnect(): void { /* idem */ }
}
const g = globalThis as { ResizeObserver?: unknown; TextDecoder?: unknown; TextEncoder?: unknown };
if (g.ResizeObserver === undefined) g.ResizeObserver = ResizeObserverStub;
if (g.TextDecoder === undefined) g.TextDecoder = NodeTextDecoder;
if (g.TextEncoder === undefined) g.TextEncoder = NodeTextEncoder;
export {};

import { answer } from '../../../src/taskpane/worker/check-file';
import type { CheckRequest, CheckResponse, WorkerLike } from '../../../src/taskpane/worker/protocol';

/** The check worker's code run in-process: same messages, same answers, no thread. */
export class InProcessWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<CheckResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  posted: CheckRequest[] = [];
  /** When set, answers wait for release() (to cancel a file mid-check). */
  hold = false;
  private held: Array<() => void> = [];

  postMessage(request: CheckRequest): void {
    this.posted.push(request);
    const go = () => {
      void answer(request).then(response => {
        if (!this.terminated) this.onmessage?.({ data: response } as MessageEvent<CheckResponse>);
      });
    };
    if (this.hold) this.held.push(go); else go();
  }

  release(): void {
    const list = this.held;
    this.held = [];
    for (const go of list) go();
  }

  terminate(): void {
    this.terminated = true;
  }
}

/** The check worker: parses and judges workbooks off the UI thread so the pane stays responsive. */
import { answer } from './check-file';
import type { CheckRequest, CheckResponse } from './protocol';

// The DOM lib types `self` as Window; in a dedicated worker it is the worker scope with these two members.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
  postMessage(message: CheckResponse): void;
};

scope.onmessage = event => {
  void answer(event.data).then(response => scope.postMessage(response));
};

import { useCallback, useRef, useState } from 'react';
import { errorText } from './useCheck';

export interface ActionMessage {
  readonly intent: 'success' | 'warning' | 'error' | 'info';
  readonly text: string;
}

export interface ActionState {
  /** Name of the action running, so its button can show a spinner and the others wait. */
  readonly busy: string | null;
  readonly message: ActionMessage | null;
  readonly run: (name: string, fn: () => Promise<ActionMessage | null>) => Promise<void>;
  readonly dismiss: () => void;
}

/** Runs one host action at a time and turns its outcome (or failure) into a message for the pane. */
export function useAction(): ActionState {
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<ActionMessage | null>(null);
  const running = useRef(false);
  const run = useCallback(async (name: string, fn: () => Promise<ActionMessage | null>) => {
    // A double click must not colour twice: the second run would record the first colours as "originals".
    if (running.current) return;
    running.current = true;
    setBusy(name);
    setMessage(null);
    try {
      setMessage(await fn());
    } catch (e) {
      setMessage({ intent: 'error', text: errorText(e) });
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, []);
  const dismiss = useCallback(() => setMessage(null), []);
  return { busy, message, run, dismiss };
}

import { getContext, setContext } from 'svelte';
import { BackendError } from '../backend/backend';

// One place that holds the error the user should see now; newer errors replace older ones
// so the banner never stacks up stale messages.
export class ErrorState {
  current = $state<BackendError | null>(null);

  report = (e: unknown): BackendError => {
    const err = BackendError.from(e);
    this.current = err;
    return err;
  };

  dismiss = (): void => {
    this.current = null;
  };
}

const KEY = Symbol('errors');

export function provideErrors(state: ErrorState): void {
  setContext(KEY, state);
}

export function useErrors(): ErrorState {
  const state = getContext<ErrorState | undefined>(KEY);
  if (!state) throw new Error('useErrors() called outside <App>');
  return state;
}

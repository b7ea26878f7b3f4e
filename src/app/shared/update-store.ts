import { create } from 'zustand';

interface UpdateState {
  /** Set when a new version is waiting: lets it take over and reloads the page. */
  apply: (() => void) | null;
}

/** Whether a new version of Vouch is installed and waiting for the citizen's "Reload". */
export const useUpdateStore = create<UpdateState>(() => ({ apply: null }));

export function offerUpdate(apply: () => void): void {
  useUpdateStore.setState({ apply });
}

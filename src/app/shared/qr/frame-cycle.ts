/**
 * Which frame of an animated QR code is on screen, and whether it advances by itself.
 * Pure state for QrCode's useReducer.
 */
export interface FrameCycle {
  readonly index: number;
  readonly count: number;
  readonly playing: boolean;
}

export type FrameCycleAction =
  | { type: 'tick' } // the timer: advances only while playing
  | { type: 'next' } // manual steps pause, so the chosen frame stays put
  | { type: 'previous' }
  | { type: 'toggle' };

/** Animated codes play, unless the citizen asked the system for reduced motion. */
export function startFrameCycle(count: number, opts: { reducedMotion: boolean }): FrameCycle {
  return { index: 0, count, playing: count > 1 && !opts.reducedMotion };
}

export function frameCycleReducer(state: FrameCycle, action: FrameCycleAction): FrameCycle {
  const { index, count, playing } = state;
  if (count < 2) return state;
  switch (action.type) {
    case 'tick':
      return playing ? { ...state, index: (index + 1) % count } : state;
    case 'next':
      return { ...state, index: (index + 1) % count, playing: false };
    case 'previous':
      return { ...state, index: (index - 1 + count) % count, playing: false };
    case 'toggle':
      return { ...state, playing: !playing };
  }
}

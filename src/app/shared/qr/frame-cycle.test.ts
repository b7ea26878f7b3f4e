import { describe, expect, it } from 'vitest';
import { frameCycleReducer, startFrameCycle, type FrameCycleAction } from './frame-cycle.ts';

const run = (count: number, reducedMotion: boolean, actions: FrameCycleAction['type'][]) =>
  actions.reduce(
    (state, type) => frameCycleReducer(state, { type }),
    startFrameCycle(count, { reducedMotion }),
  );

describe('frame cycle of an animated QR code', () => {
  it('Given 3 frames and no motion preference, when it starts, then it plays from frame 0', () => {
    expect(startFrameCycle(3, { reducedMotion: false })).toEqual({
      index: 0,
      count: 3,
      playing: true,
    });
  });

  it('Given 3 frames and reduced motion, when it starts, then it is paused', () => {
    expect(startFrameCycle(3, { reducedMotion: true }).playing).toBe(false);
  });

  it('Given one frame, when it starts or is told anything, then nothing moves', () => {
    expect(run(1, false, ['tick', 'next', 'toggle'])).toEqual({
      index: 0,
      count: 1,
      playing: false,
    });
  });

  it('Given 3 playing frames, when the timer ticks 4 times, then it wraps round to frame 1', () => {
    expect(run(3, false, ['tick', 'tick', 'tick', 'tick']).index).toBe(1);
  });

  it('Given a paused cycle, when the timer ticks, then the frame stays', () => {
    expect(run(3, true, ['tick', 'tick']).index).toBe(0);
  });

  it('Given a playing cycle, when the citizen steps back from frame 0, then it shows the last frame and pauses', () => {
    expect(run(3, false, ['previous'])).toEqual({ index: 2, count: 3, playing: false });
  });

  it('Given a paused cycle, when stepped forward 3 times, then it is back at frame 0', () => {
    expect(run(3, true, ['next', 'next', 'next']).index).toBe(0);
  });

  it('Given a paused cycle, when toggled, then it plays, and toggled again it pauses', () => {
    expect(run(3, true, ['toggle']).playing).toBe(true);
    expect(run(3, true, ['toggle', 'toggle']).playing).toBe(false);
  });
});

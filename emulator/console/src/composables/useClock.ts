/**
 * The emulated clock as the whole console sees it: one offset shared by the header (which
 * moves it) and the views that show times depending on it (the Functions tab's next runs).
 */
import { ref } from 'vue';
import type { ClockState } from '../api/time';

const offsetMs = ref(0);

export function useClock() {
  return {
    offsetMs,
    apply(state: ClockState): void {
      offsetMs.value = state.offsetMs;
    },
  };
}

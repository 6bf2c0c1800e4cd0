// useReducer whose latest state is also readable at once through a ref: async actions and
// pushes from the sandbox read what is current, not what their closure saw.
import { useRef, useState } from 'preact/hooks';

export interface Store<S, A> {
  state: S;
  dispatch(action: A): void;
  /** The state after every dispatch so far, even before the next render. */
  current(): S;
}

export function useStore<S, A>(reducer: (s: S, a: A) => S, init: () => S): Store<S, A> {
  const [state, setState] = useState(init);
  const ref = useRef(state);
  const api = useRef<Store<S, A> | null>(null);
  if (!api.current) {
    api.current = {
      state,
      dispatch(action) {
        ref.current = reducer(ref.current, action);
        setState(ref.current);
      },
      current: () => ref.current,
    };
  }
  return { ...api.current, state };
}

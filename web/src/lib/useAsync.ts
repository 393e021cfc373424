import { ref, shallowRef, type Ref, type ShallowRef } from 'vue';

export interface AsyncState<T> {
  data: ShallowRef<T | null>;
  error: Ref<unknown>;
  loading: Ref<boolean>;
  /** Run the loader; an older run still in flight is aborted and ignored. */
  run: () => Promise<void>;
}

/** One loader's data, error and loading flag, with stale answers dropped. */
export function useAsync<T>(loader: (signal: AbortSignal) => Promise<T>): AsyncState<T> {
  const data = shallowRef<T | null>(null);
  const error = ref<unknown>(null);
  const loading = ref(false);
  let current: AbortController | null = null;

  async function run(): Promise<void> {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    loading.value = true;
    error.value = null;
    try {
      const value = await loader(controller.signal);
      if (current === controller) data.value = value;
    } catch (e) {
      if (current !== controller || (e instanceof DOMException && e.name === 'AbortError')) return;
      error.value = e;
      data.value = null;
    } finally {
      if (current === controller) loading.value = false;
    }
  }

  return { data, error, loading, run };
}

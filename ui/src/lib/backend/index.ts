import type { Backend } from './backend';
import { TauriBackend } from './tauri';

export * from './backend';

// Inside the Tauri webview the IPC bridge is injected before our code runs; in a plain
// browser (npm run dev) there is no Rust side, so the in-memory mock stands in. It is
// loaded lazily to keep it out of the code path the desktop app runs.
export async function createBackend(): Promise<Backend> {
  if ('__TAURI_INTERNALS__' in window) return new TauriBackend();
  const { MockBackend } = await import('./mock');
  const requested = Number(new URLSearchParams(window.location.search).get('mock') ?? 100_000);
  return new MockBackend({
    generate: Number.isFinite(requested) ? requested : 0,
    latency: 40,
    // The photo dialog has nothing to pick from in a browser: each click "picks" two new
    // photos and a phone's HEIC file, to show an import with one failure.
    photoPicks: Array.from({ length: 20 }, (_, i) => [
      `/home/bantin/Ảnh/hoi-thi-${2 * i + 1}.jpg`,
      `/home/bantin/Ảnh/hoi-thi-${2 * i + 2}.jpg`,
      `/home/bantin/Ảnh/IMG_${4100 + i}.HEIC`,
    ]),
  });
}

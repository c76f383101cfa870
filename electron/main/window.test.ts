/**
 * The main window's title never holds patient data: it is fixed, and the page's own title
 * (document.title) is never copied to it. A stand-in BrowserWindow records what the shell does.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SettingsService } from '../services/settings-service';

const made = vi.hoisted(() => [] as FakeWindow[]);

interface FakeWindow {
  options: { title?: string };
  handlers: Map<string, ((...args: unknown[]) => void)[]>;
  setTitle: ReturnType<typeof vi.fn>;
  emit(event: string, ...args: unknown[]): void;
}

vi.mock('electron', () => {
  class BrowserWindow implements FakeWindow {
    handlers = new Map<string, ((...args: unknown[]) => void)[]>();
    setTitle = vi.fn();
    constructor(public options: { title?: string }) {
      made.push(this);
    }
    on(event: string, handler: (...args: unknown[]) => void): this {
      this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
      return this;
    }
    once(event: string, handler: (...args: unknown[]) => void): this {
      return this.on(event, handler);
    }
    emit(event: string, ...args: unknown[]): void {
      for (const handler of this.handlers.get(event) ?? []) handler(...args);
    }
    maximize(): void {}
    show(): void {}
  }
  return { BrowserWindow, screen: { getAllDisplays: () => [] } };
});

const { createMainWindow, WINDOW_TITLE } = await import('./window');

const settings = { getWindowBounds: () => null, setWindowBounds: () => undefined } as unknown as SettingsService;

describe('main window title', () => {
  beforeEach(() => {
    made.length = 0;
  });

  it('is the app name, fixed', () => {
    createMainWindow('/preload', settings);
    expect(WINDOW_TITLE).toBe('Clinic Estimate & Packet');
    expect(made[0]?.options.title).toBe(WINDOW_TITLE);
  });

  it("never takes the page's title: Electron's copy of document.title is prevented", () => {
    createMainWindow('/preload', settings);
    const window = made[0];
    expect(window?.handlers.get('page-title-updated')).toHaveLength(1);
    const event = { preventDefault: vi.fn() };
    window?.emit('page-title-updated', event, 'Lovelace, Ada (03/04/1948) – estimate', true);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    expect(window?.setTitle).not.toHaveBeenCalled();
  });
});

import { describe, expect, it, vi } from 'vitest';
import { watchScannerBursts, type ScanTarget } from './scanner-bursts';

/** A document stand-in under Node: keyboard events and a focused element the test sets. */
function fakeDocument() {
  let clock = 0;
  const target = Object.assign(new EventTarget(), { activeElement: null as Element | null });
  const scans: string[] = [];
  const active = { value: true };
  const stop = watchScannerBursts(target as unknown as ScanTarget, {
    active: () => active.value,
    onscan: (text) => scans.push(text),
    now: () => clock,
  });
  /** Presses one key `gapMs` after the last; says whether the page still got it (not swallowed). */
  const press = (key: string, gapMs: number) => {
    clock += gapMs;
    const down = Object.assign(new Event('keydown', { cancelable: true }), { key, ctrlKey: false, altKey: false, metaKey: false });
    const reachedPage = vi.fn();
    target.addEventListener('keydown', reachedPage);
    target.dispatchEvent(down);
    target.removeEventListener('keydown', reachedPage);
    const up = Object.assign(new Event('keyup', { cancelable: true }), { key, ctrlKey: false, altKey: false, metaKey: false });
    target.dispatchEvent(up);
    return { reachedPage: reachedPage.mock.calls.length > 0, prevented: down.defaultPrevented };
  };
  const type = (text: string, gapMs: number) => [...text].map((key) => press(key, gapMs));
  return { target, scans, active, stop, press, type };
}

describe('scanner bursts', () => {
  it('hands over a fast burst ended by Enter, and keeps its keys from the page after the first', () => {
    const page = fakeDocument();
    const keys = page.type('ST00012|PersAcc=820000217', 5);
    const enter = page.press('Enter', 5);
    expect(page.scans).toEqual(['ST00012|PersAcc=820000217']);
    expect(keys[0]?.reachedPage).toBe(true);
    expect(keys.slice(1).every((key) => !key.reachedPage && key.prevented)).toBe(true);
    expect(enter).toEqual({ reachedPage: false, prevented: true });
  });

  it('takes a 1D barcode of nine digits', () => {
    const page = fakeDocument();
    page.type('820000001', 3);
    page.press('Enter', 3);
    expect(page.scans).toEqual(['820000001']);
  });

  it('does not take slow typing, nor a burst too short, and lets their Enter through', () => {
    const page = fakeDocument();
    page.type('820000001', 120);
    expect(page.press('Enter', 120).reachedPage).toBe(true);
    page.type('8200', 5);
    expect(page.press('Enter', 5).reachedPage).toBe(true);
    expect(page.scans).toEqual([]);
  });

  it('forgives one late key in a fast burst, but not a steady pace slower than a scanner', () => {
    const page = fakeDocument();
    page.type('ST00012|Pers', 5);
    page.press('A', 80);
    page.type('cc=820000217', 5);
    page.press('Enter', 5);
    expect(page.scans).toEqual(['ST00012|PersAcc=820000217']);
    page.press('8', 1000);
    page.type('2000', 5);
    page.press('0', 150);
    page.type('217', 5);
    page.press('Enter', 5);
    expect(page.scans).toEqual(['ST00012|PersAcc=820000217', '820000217']);
    const steady = page.type('820000001', 60);
    expect(steady.every((key) => key.reachedPage)).toBe(true);
    expect(page.press('Enter', 60).reachedPage).toBe(true);
    expect(page.scans).toHaveLength(2);
  });

  it('starts over after a pause in the middle: only the fast tail counts', () => {
    const page = fakeDocument();
    page.type('1234', 5);
    page.press('5', 1_500);
    page.type('67890123', 5);
    page.press('Enter', 5);
    expect(page.scans).toEqual(['567890123']);
  });

  it('keeps a burst going across Shift (capitals) and breaks it on a non-printable key', () => {
    const page = fakeDocument();
    page.type('st0001', 5);
    page.press('Shift', 5);
    page.type('2|Name', 5);
    page.press('Enter', 5);
    expect(page.scans).toEqual(['st00012|Name']);
    page.type('82000', 5);
    page.press('ArrowLeft', 5);
    page.type('0001', 5);
    page.press('Enter', 5);
    expect(page.scans).toHaveLength(1);
  });

  it('leaves the keys alone while a text field has the focus or scans are not wanted, and after it stops', () => {
    const page = fakeDocument();
    page.target.activeElement = { tagName: 'INPUT', type: 'text', readOnly: false, disabled: false } as unknown as Element;
    expect(page.type('820000001', 3).every((key) => key.reachedPage)).toBe(true);
    page.press('Enter', 3);
    // The kiosk's own fields are read-only (the on-screen keys fill them): a scan is still a scan there.
    page.target.activeElement = { tagName: 'INPUT', type: 'text', readOnly: true, disabled: false } as unknown as Element;
    page.type('820000002', 3);
    page.press('Enter', 3);
    page.target.activeElement = null;
    page.active.value = false;
    page.type('820000003', 3);
    page.press('Enter', 3);
    page.active.value = true;
    page.stop();
    page.type('820000004', 3);
    page.press('Enter', 3);
    expect(page.scans).toEqual(['820000002']);
  });
});

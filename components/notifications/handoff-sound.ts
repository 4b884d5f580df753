/**
 * A short two-tone chime made with Web Audio (no file to download). Browsers let a page start
 * sound only after the member interacted with it; until then `play` stays silent.
 */
let context: AudioContext | null = null;

/** Creates (or wakes) the audio context; called from the member's click, which browsers require. */
export function unlockSound() {
  if (typeof AudioContext === "undefined") return;
  context ??= new AudioContext();
  void context.resume().catch(() => undefined);
}

export function playHandoffSound() {
  if (typeof AudioContext === "undefined") return;
  context ??= new AudioContext();
  if (context.state !== "running") {
    // Not allowed yet (no click on this page): wake it for the next one, stay silent now.
    void context.resume().catch(() => undefined);
    return;
  }
  const start = context.currentTime;
  for (const [i, frequency] of [880, 1320].entries()) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = "sine";
    oscillator.frequency.value = frequency;
    const at = start + i * 0.14;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.2, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.13);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.14);
  }
}

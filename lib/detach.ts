// Teardown of a content script the extension has left (updated, reloaded or disabled: "orphaned"). The
// page's marks and card go first; removing listeners from the extension's APIs then throws "Extension
// context invalidated" in Chromium, which would stop the rest of the teardown. Those listeners can never
// fire again, so that error is ignored.

/** Runs `remove` (a listener's removal from an extension API), ignoring a dead extension context. */
export function detach(remove: () => void): void {
  try {
    remove();
  } catch {
    // The extension context is gone, and its listeners with it.
  }
}

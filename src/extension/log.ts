import vscode = require('vscode');
import type { Logger } from '../core/types';

/** One LogOutputChannel for the whole extension; the core receives it through the Logger port. */
export interface Log extends Logger {
  readonly channel: vscode.LogOutputChannel;
}

export function createLog(): Log {
  const channel = vscode.window.createOutputChannel('LLM Footprint', { log: true });
  return {
    channel,
    info: (m) => channel.info(m),
    warn: (m) => channel.warn(m),
    error: (m, e) => channel.error(e instanceof Error ? `${m}: ${e.stack ?? e.message}` : e ? `${m}: ${String(e)}` : m),
  };
}

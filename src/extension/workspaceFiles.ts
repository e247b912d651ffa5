import * as fs from 'node:fs';
import vscode = require('vscode');

// The engine's `readFile` port, for constants imported from other files: an open document's live text wins over
// the file on disk (the user may not have saved it). Synchronous by contract; large or unreadable files are skipped.
// Only the engine's own resolution reads these files; nothing in them is executed.

const MAX_BYTES = 1_000_000;

export function readWorkspaceFile(absolutePath: string): string | undefined {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === absolutePath);
  if (open) return open.getText();
  // Untrusted workspaces: only open documents are read (package.json capabilities.untrustedWorkspaces).
  if (!vscode.workspace.isTrusted) return undefined;
  try {
    const stat = fs.statSync(absolutePath);
    if (!stat.isFile() || stat.size > MAX_BYTES) return undefined;
    return fs.readFileSync(absolutePath, 'utf8');
  } catch {
    return undefined;
  }
}

import vscode = require('vscode');
import type { JsonReport } from '../core/audit/formats/jsonReport';
import type { AuditResult } from '../core/audit/types';
import type { WorkspaceAudit } from './auditWorkspace';
import { engine } from './lazyEngine';

// The last audit, shared by the tree view and the report panel (one source, two views).

export class AuditStore implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private audit: WorkspaceAudit | undefined;
  private json: JsonReport | undefined;
  private at: Date | undefined;

  get result(): AuditResult | undefined {
    return this.audit?.result;
  }

  /** The JSON contract document of the last audit (built once, reused by the report and every export). */
  get report(): JsonReport | undefined {
    return this.json;
  }

  get generatedAt(): Date | undefined {
    return this.at;
  }

  set(audit: WorkspaceAudit): void {
    this.audit = audit;
    this.json = engine().buildJsonReport(audit.result, { violations: audit.violations, budgetsConfigured: audit.budgetsConfigured });
    this.at = new Date();
    this.emitter.fire();
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

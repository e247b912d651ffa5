// STUB — the audit issue may run analysis in worker threads from here.
export {};

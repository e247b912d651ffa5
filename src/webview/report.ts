// STUB — the audit issue writes the report page's script.
export {};

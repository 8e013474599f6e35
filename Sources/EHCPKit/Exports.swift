// What a program using EHCPKit needs is reachable from `import EHCPKit` alone: findings and
// problems name their place with EHCPSource's `SourceLocation`, and unreadable input is reported
// as its `DiagnosticList`, so that module's public types come with this one.
@_exported import EHCPSource

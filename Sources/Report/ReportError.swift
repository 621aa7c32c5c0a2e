/// Why a results file could not be written or read; the message names the file and the field.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    /// A value JSON cannot hold (infinity, NaN), at its coding path.
    case notEncodable(path: String, reason: String)
    /// Not a results file: bad JSON, a missing or mistyped field.
    case unreadable(source: String, path: String, reason: String)
    case unsupportedSchemaVersion(source: String, found: Int, supported: Int)

    public var description: String {
        switch self {
        case let .notEncodable(path, reason):
            return "cannot write results as JSON: \(path.isEmpty ? "" : "\(path): ")\(reason)"
        case let .unreadable(source, path, reason):
            return "\(source): \(path.isEmpty ? "" : "\(path): ")\(reason)"
        case let .unsupportedSchemaVersion(source, found, supported):
            return "\(source): schemaVersion \(found) is not supported; this issuebench reads schemaVersion \(supported)"
        }
    }
}

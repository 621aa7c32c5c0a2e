import Foundation
import Measurement

extension ResultsFile {
    /// The file's JSON: pretty printed with sorted keys, so results diff cleanly in review.
    public func jsonData() throws(ReportError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(self)
        } catch let EncodingError.invalidValue(value, context) {
            throw .notEncodable(path: Self.path(context.codingPath), reason: "\(value) is not a JSON number")
        } catch {
            throw .notEncodable(path: "", reason: "\(error)")
        }
    }

    /// Reads a results file written by `jsonData()`; `source` names it in errors.
    public init(jsonData data: Data, source: String) throws(ReportError) {
        struct Version: Decodable { var schemaVersion: Int }
        let decoder = JSONDecoder()
        do {
            let version = try decoder.decode(Version.self, from: data).schemaVersion
            guard version == Self.currentSchemaVersion else {
                throw ReportError.unsupportedSchemaVersion(source: source, found: version,
                                                           supported: Self.currentSchemaVersion)
            }
            self = try decoder.decode(ResultsFile.self, from: data)
        } catch let error as ReportError {
            throw error
        } catch let error as DecodingError {
            throw Self.unreadable(error, source: source)
        } catch {
            throw .unreadable(source: source, path: "", reason: "\(error)")
        }
    }

    private static func unreadable(_ error: DecodingError, source: String) -> ReportError {
        switch error {
        case let .keyNotFound(key, context):
            return .unreadable(source: source, path: path(context.codingPath + [key]), reason: "missing")
        case let .typeMismatch(type, context):
            return .unreadable(source: source, path: path(context.codingPath), reason: "expected \(type)")
        case let .valueNotFound(type, context):
            return .unreadable(source: source, path: path(context.codingPath), reason: "expected \(type), found null")
        case let .dataCorrupted(context):
            let reason = context.codingPath.isEmpty ? "not valid JSON" : context.debugDescription
            return .unreadable(source: source, path: path(context.codingPath), reason: reason)
        @unknown default:
            return .unreadable(source: source, path: "", reason: "\(error)")
        }
    }

    /// "summaries[2].latencyMs.p99"
    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.reduce(into: "") { path, key in
            if let index = key.intValue { path += "[\(index)]" } else { path += path.isEmpty ? key.stringValue : ".\(key.stringValue)" }
        }
    }
}

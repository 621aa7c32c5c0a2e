/// A parsed JSON document that remembers what Foundation's `JSONSerialization` forgets: the order of
/// an object's keys, where every value starts, and a number's exact literal text (so integers up to
/// `UInt64.max` survive, and an error can quote the number as it was written).
public struct JSONValue: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case null
        case bool(Bool)
        /// The literal as written, e.g. `-0`, `1e3`, `18446744073709551615`.
        case number(String)
        case string(String)
        case array([JSONValue])
        /// Members in document order; keys are unique (the parser rejects a repeated key).
        case object([JSONMember])
    }

    public var kind: Kind
    /// Where the value starts in its text.
    public var position: TextPosition

    public init(_ kind: Kind, at position: TextPosition) {
        self.kind = kind
        self.position = position
    }

    /// Parses a whole document. `file` only names the text in errors.
    public static func parse(_ bytes: [UInt8], file: String) throws(ScenarioError) -> JSONValue {
        var parser = JSONParser(bytes, file: file)
        return try parser.parseDocument()
    }

    /// The member named `key`, for an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The element at `index`, for an array.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = kind, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// The text, for a string.
    public var stringValue: String? {
        guard case .string(let text) = kind else { return nil }
        return text
    }
}

/// One `"key": value` pair of an object.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue

    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}

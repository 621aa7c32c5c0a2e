extension JSONValue {
    /// What an error message says was found here: `a string "x"`, `2`, `an empty array`, `null`.
    var summary: String {
        switch kind {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let literal): return Phrase.clipped(literal)
        case .string(let text): return "a string \(Phrase.quoted(text))"
        case .array(let elements): return elements.isEmpty ? "an empty array" : "an array"
        case .object(let members): return members.isEmpty ? "an empty object" : "an object"
        }
    }
}

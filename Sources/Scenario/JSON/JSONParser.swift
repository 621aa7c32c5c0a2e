/// A strict RFC 8259 parser producing `JSONValue`s with positions.
///
/// Iterative, with an explicit stack capped at `maxDepth`, so no input can overflow the thread's
/// stack; every byte access is bounds-checked, so a fuzzed input can only ever produce an error.
/// Newlines can only occur in whitespace (raw control characters are invalid in strings), so the
/// line is tracked in `skipWhitespace` alone and the hot loops just advance an index.
struct JSONParser {
    /// Deepest nesting of arrays and objects accepted.
    static let maxDepth = 512

    private let bytes: [UInt8]
    private let file: String
    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// The column of `cursorOffset`, so positions on one long line cost O(line length) in total.
    private var cursorOffset = 0
    private var cursorColumn = 1
    /// Reused for strings with escapes.
    private var scratch: [UInt8] = []

    /// An array or object still being read.
    private struct Frame {
        var position: TextPosition
        var isObject: Bool
        var elements: [JSONValue] = []
        var members: [JSONMember] = []
        var keys: Set<String> = []
        var pendingKey = ""

        var value: JSONValue {
            JSONValue(isObject ? .object(members) : .array(elements), at: position)
        }
    }

    init(_ bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    mutating func parseDocument() throws(ScenarioError) -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; cursorOffset = 3 }
        var stack: [Frame] = []
        while true {
            var value: JSONValue
            skipWhitespace()
            let position = position(at: index)
            switch peek() ?? 0 {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = peek() == UInt8(ascii: "{")
                guard stack.count < Self.maxDepth else {
                    throw failure(at: index, expected: "at most \(Self.maxDepth) nested arrays and objects",
                                  found: "deeper nesting")
                }
                index += 1
                stack.append(Frame(position: position, isObject: isObject))
                skipWhitespace()
                if peek() == UInt8(ascii: isObject ? "}" : "]") {
                    index += 1
                    value = stack.removeLast().value
                } else {
                    if isObject { try readKey(into: &stack[stack.count - 1], afterComma: false) }
                    continue
                }
            case UInt8(ascii: "\""):
                value = JSONValue(.string(try readString()), at: position)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = JSONValue(.number(try readNumber()), at: position)
            default:
                value = JSONValue(try readLiteral(), at: position)
            }
            // A value is complete: hand it to the enclosing containers, closing those that end here.
            while true {
                guard !stack.isEmpty else {
                    skipWhitespace()
                    guard index == bytes.count else {
                        throw failure(at: index, expected: "the end of the input after the top-level value")
                    }
                    return value
                }
                let top = stack.count - 1
                let isObject = stack[top].isObject
                if isObject {
                    stack[top].members.append(JSONMember(key: stack[top].pendingKey, value: value))
                } else {
                    stack[top].elements.append(value)
                }
                skipWhitespace()
                if peek() == UInt8(ascii: ",") {
                    index += 1
                    if isObject { try readKey(into: &stack[top], afterComma: true) }
                    break
                }
                guard peek() == UInt8(ascii: isObject ? "}" : "]") else {
                    throw failure(at: index, expected: isObject ? "',' or '}' after an object member"
                                                                : "',' or ']' after an array element")
                }
                index += 1
                value = stack.removeLast().value
            }
        }
    }

    // MARK: - Pieces

    /// Reads `"key" :` and leaves the key on the frame for the value that follows.
    private mutating func readKey(into frame: inout Frame, afterComma: Bool) throws(ScenarioError) {
        skipWhitespace()
        guard peek() == UInt8(ascii: "\"") else {
            throw failure(at: index, expected: afterComma ? "a key in double quotes after ','"
                                                          : "a key in double quotes or '}'")
        }
        let keyStart = index
        let key = try readString()
        guard frame.keys.insert(key).inserted else {
            throw failure(at: keyStart, expected: "each key once in an object",
                          found: "\(Phrase.quoted(key)) again")
        }
        skipWhitespace()
        guard peek() == UInt8(ascii: ":") else {
            throw failure(at: index, expected: "':' after an object key")
        }
        index += 1
        frame.pendingKey = key
    }

    /// Reads a string starting at its opening quote. Raw bytes must be valid UTF-8; escapes must
    /// be valid too (a `\u` surrogate only as half of a pair).
    private mutating func readString() throws(ScenarioError) -> String {
        index += 1
        var runStart = index
        var escaped = false
        while true {
            index = Self.endOfPlainText(in: bytes, from: index)
            guard let byte = peek() else { throw failure(at: index, expected: "'\"' to close the string") }
            if byte == UInt8(ascii: "\"") {
                let text: String
                if escaped {
                    scratch.append(contentsOf: bytes[runStart..<index])
                    text = String(decoding: scratch, as: UTF8.self)
                } else {
                    text = String(decoding: bytes[runStart..<index], as: UTF8.self)
                }
                index += 1
                return text
            } else if byte == UInt8(ascii: "\\") {
                if !escaped { scratch.removeAll(keepingCapacity: true); escaped = true }
                scratch.append(contentsOf: bytes[runStart..<index])
                try readEscape()
                runStart = index
            } else if byte < 0x20 {
                throw failure(at: index, expected: "'\"' to close the string (control characters must be escaped)")
            } else {
                throw failure(at: index, expected: "valid UTF-8")
            }
        }
    }

    /// Reads one escape at `index` (the backslash) and appends its UTF-8 to `scratch`.
    private mutating func readEscape() throws(ScenarioError) {
        index += 1
        let simple: UInt8? = switch peek() ?? 0 {
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): UInt8(ascii: "\\")
        case UInt8(ascii: "/"): UInt8(ascii: "/")
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
        if let simple {
            scratch.append(simple)
            index += 1
            return
        }
        guard peek() == UInt8(ascii: "u") else {
            throw failure(at: index, expected: #"an escape: \", \\, \/, \b, \f, \n, \r, \t or \uXXXX"#)
        }
        index += 1
        let first = try readHex4()
        var scalar = first
        switch first {
        case 0xD800...0xDBFF:
            guard peek() == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u") else {
                throw failure(at: index, expected: "a \\u escape of a low surrogate after \\u\(hex(first))")
            }
            index += 2
            let lowStart = index
            let second = try readHex4()
            guard (0xDC00...0xDFFF).contains(second) else {
                throw failure(at: lowStart, expected: "a low surrogate (DC00 to DFFF) after \\u\(hex(first))",
                              found: "\\u\(hex(second))")
            }
            scalar = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        case 0xDC00...0xDFFF:
            throw failure(at: index - 6, expected: "a high surrogate (D800 to DBFF) before a low one",
                          found: "\\u\(hex(first))")
        default:
            break
        }
        // Surrogates are excluded above, so the scalar is valid.
        if let valid = Unicode.Scalar(scalar) {
            UTF8.encode(valid) { scratch.append($0) }
        }
    }

    private mutating func readHex4() throws(ScenarioError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = peek() ?? 0
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure(at: index, expected: "4 hex digits after \\u")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// Reads `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?` and returns it as written.
    private mutating func readNumber() throws(ScenarioError) -> String {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        if peek() == UInt8(ascii: "0") {
            index += 1
            if peek()?.isDigit == true {
                throw failure(at: index, expected: "'.', 'e' or the end of the number after a leading 0")
            }
        } else {
            try readDigits(expected: "a digit after '-'")
        }
        if peek() == UInt8(ascii: ".") {
            index += 1
            try readDigits(expected: "a digit after '.'")
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            try readDigits(expected: "a digit in the exponent")
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func readDigits(expected: String) throws(ScenarioError) {
        guard peek()?.isDigit == true else { throw failure(at: index, expected: expected) }
        while peek()?.isDigit == true { index += 1 }
    }

    /// Reads `true`, `false` or `null`; anything else where a value belongs is an error.
    private mutating func readLiteral() throws(ScenarioError) -> JSONValue.Kind {
        for (word, kind) in [("true", JSONValue.Kind.bool(true)), ("false", .bool(false)), ("null", .null)] {
            let utf8 = Array(word.utf8)
            if bytes[index...].starts(with: utf8), !(peek(utf8.count)?.isWordCharacter ?? false) {
                index += utf8.count
                return kind
            }
        }
        throw failure(at: index, expected: "a JSON value")
    }

    // MARK: - Bytes and positions

    private func peek(_ offset: Int = 0) -> UInt8? {
        let i = index + offset
        return i < bytes.count ? bytes[i] : nil
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "\n"):
                index += 1
                line += 1
                lineStart = index
                cursorOffset = index
                cursorColumn = 1
            default:
                return
            }
        }
    }

    /// The position of byte `offset` on the current line; offsets asked for never go backwards
    /// past the cursor except for errors, which recount from the line's start.
    private mutating func position(at offset: Int) -> TextPosition {
        if offset < cursorOffset {
            cursorOffset = lineStart
            cursorColumn = 1
        }
        let end = min(offset, bytes.count)
        if cursorOffset < end {
            cursorColumn += Self.scalarCount(in: bytes, from: cursorOffset, to: end)
            cursorOffset = end
        }
        return TextPosition(line: line, column: cursorColumn + max(0, offset - bytes.count))
    }

    /// The end of the plain content of a string from `start`: the first '"', '\\', control
    /// character or byte that is not valid UTF-8. The hot loop of string reading; this and
    /// `scalarCount` run over a raw buffer in plain loops so that even a debug build reads a 10 MB
    /// string in well under a second.
    private static func endOfPlainText(in bytes: [UInt8], from start: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var i = start
            while i < buffer.count {
                let byte = buffer[i]
                if byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
                    i += 1
                } else if byte >= 0x80, let length = utf8SequenceLength(in: buffer, at: i) {
                    i += length
                } else {
                    break
                }
            }
            return i
        }
    }

    /// How many scalars start in `start..<end` (bytes that are not UTF-8 continuation bytes).
    private static func scalarCount(in bytes: [UInt8], from start: Int, to end: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var count = 0
            for i in start..<end where buffer[i] & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }

    /// The length of the valid UTF-8 sequence (2 to 4 bytes) starting at `i`, or `nil`.
    private static func utf8SequenceLength(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let lead = bytes[i]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return nil
        }
        guard i + length <= bytes.count, secondRange.contains(bytes[i + 1]) else { return nil }
        for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return nil }
        return length
    }

    // MARK: - Errors

    /// An error at byte `offset`; `found` defaults to a description of what is there.
    private mutating func failure(at offset: Int, expected: String, found: String? = nil) -> ScenarioError {
        ScenarioError(file: file, location: .position(position(at: offset)),
                      problem: .mismatch(expected: expected, found: found ?? describe(at: offset)))
    }

    /// `end of input`, `'x'`, `'True'` (a whole word, for a misspelt literal), `a line break`,
    /// `U+0007`, `'é'`, or `byte 0xFF` for bytes that are not UTF-8.
    private func describe(at offset: Int) -> String {
        guard offset < bytes.count else { return "end of input" }
        let byte = bytes[offset]
        switch byte {
        case _ where byte.isWordCharacter:
            let word = bytes[offset...].prefix { $0.isWordCharacter }
            return Phrase.verbatim(String(decoding: word, as: UTF8.self))
        case 0x20..<0x7F:
            return "'\(Character(Unicode.Scalar(byte)))'"
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            return "a line break"
        case UInt8(ascii: "\t"):
            return "a tab"
        case 0..<0x80:
            return "U+" + Phrase.unicodeEscape(UInt32(byte)).dropFirst(2)
        default:
            if let length = bytes.withUnsafeBufferPointer({ Self.utf8SequenceLength(in: $0, at: offset) }) {
                return "'" + String(decoding: bytes[offset..<offset + length], as: UTF8.self) + "'"
            }
            return "byte 0x" + String(byte, radix: 16, uppercase: true)
        }
    }

    private func hex(_ value: UInt32) -> String {
        String(Phrase.unicodeEscape(value).dropFirst(2))
    }
}

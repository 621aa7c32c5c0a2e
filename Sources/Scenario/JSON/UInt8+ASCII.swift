/// Byte classes the parser and paths test, on raw UTF-8 without building characters.
extension UInt8 {
    var isDigit: Bool { self &- UInt8(ascii: "0") < 10 }

    /// ASCII letters, digits and '_': what a misspelt `true`/`null` or a plain key is made of.
    var isWordCharacter: Bool {
        isDigit || (self | 0x20) &- UInt8(ascii: "a") < 26 || self == UInt8(ascii: "_")
    }
}

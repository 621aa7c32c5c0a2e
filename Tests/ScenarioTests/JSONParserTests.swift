import Testing
@testable import Scenario

struct JSONParserTests {
    private func parse(_ text: String) throws(ScenarioError) -> JSONValue {
        try JSONValue.parse(Array(text.utf8), file: "bad.json")
    }

    // MARK: - Structure

    @Test func objectsKeepKeyOrderAndValuesKeepPositions() throws {
        let value = try parse("{\n  \"b\": 1,\n  \"a\": [true, null],\n\t\"é\": \"x\", \"c\": -2.5e1\n}")
        guard case .object(let members) = value.kind else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["b", "a", "é", "c"])
        #expect(value.position == TextPosition(line: 1, column: 1))
        #expect(value["b"]?.position == TextPosition(line: 2, column: 8))
        #expect(value["a"]?[1]?.position == TextPosition(line: 3, column: 15))
        #expect(value["a"]?[1]?.kind == .null)
        // Columns count characters, not bytes: the tab is one, "é" is one.
        #expect(value["é"]?.position == TextPosition(line: 4, column: 7))
        #expect(value["c"]?.position == TextPosition(line: 4, column: 17))
        #expect(value["c"]?.kind == .number("-2.5e1"))
    }

    @Test func scalarsAtTopLevelAndSurroundingWhitespaceAreAccepted() throws {
        #expect(try parse(" \r\n\t42 \n").kind == .number("42"))
        #expect(try parse("\"x\"").stringValue == "x")
        #expect(try parse("false").kind == .bool(false))
        #expect(try JSONValue.parse([0xEF, 0xBB, 0xBF] + Array("[]".utf8), file: "f").kind == .array([]))
    }

    // MARK: - Strings

    @Test func escapesIncludingSurrogatePairsDecode() throws {
        let value = try parse(#""\u00e9\uD83D\uDE00 \"\\\/\b\f\n\r\t\u0000 plain é😀""#)
        #expect(value.stringValue == "é😀 \"\\/\u{8}\u{C}\n\r\t\u{0} plain é😀")
    }

    @Test(arguments: [
        (#""\uD83D""#, #"bad.json: line 1, column 8: expected a \u escape of a low surrogate after \uD83D, found '"'"#),
        (#""\uD83D\u0041""#,
         #"bad.json: line 1, column 10: expected a low surrogate (DC00 to DFFF) after \uD83D, found \u0041"#),
        (#""\uDE00""#, #"bad.json: line 1, column 2: expected a high surrogate (D800 to DBFF) before a low one, found \uDE00"#),
        (#""\u12G4""#, #"bad.json: line 1, column 6: expected 4 hex digits after \u, found 'G4'"#),
        (#""\x""#, #"bad.json: line 1, column 3: expected an escape: \", \\, \/, \b, \f, \n, \r, \t or \uXXXX, found 'x'"#),
        ("\"abc", #"bad.json: line 1, column 5: expected '"' to close the string, found end of input"#),
        ("\"ab\ncd\"",
         #"bad.json: line 1, column 4: expected '"' to close the string (control characters must be escaped), found a line break"#),
    ])
    func badStringsAreRejectedWithPositions(_ text: String, _ message: String) {
        #expect(Fixtures.parseMessage(text) == message)
    }

    @Test(arguments: [
        ([0x22, 0x61, 0xFF, 0x22], "bad.json: line 1, column 3: expected valid UTF-8, found byte 0xFF"),
        ([0x22, 0xC0, 0x80, 0x22], "bad.json: line 1, column 2: expected valid UTF-8, found byte 0xC0"),  // overlong
        ([0x22, 0xED, 0xA0, 0x80, 0x22], "bad.json: line 1, column 2: expected valid UTF-8, found byte 0xED"),  // surrogate
        ([0x22, 0xE2, 0x82, 0x22], "bad.json: line 1, column 2: expected valid UTF-8, found byte 0xE2"),  // truncated
        ([0xC3, 0xA9], "bad.json: line 1, column 1: expected a JSON value, found 'é'"),
    ] as [([UInt8], String)])
    func invalidUTF8IsAnError(_ bytes: [UInt8], _ message: String) {
        #expect(Fixtures.parseMessage(bytes) == message)
    }

    @Test func tenMegabyteStringsParse() throws {
        var bytes: [UInt8] = [UInt8(ascii: "["), UInt8(ascii: "\"")]
        bytes += [UInt8](repeating: UInt8(ascii: "a"), count: 5_000_000)
        bytes += Array("é\\n".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "b"), count: 5_000_000)
        bytes += Array("\", 1]".utf8)
        let value = try JSONValue.parse(bytes, file: "big.json")
        #expect(value[0]?.stringValue?.utf8.count == 10_000_003)
        #expect(value[1]?.position == TextPosition(line: 1, column: 10_000_009))
    }

    // MARK: - Numbers

    @Test(arguments: [
        ("1e3", JSONValue.Integral.exact(1000)), ("-0", .exact(0)), ("0.5e1", .exact(5)), ("100e-2", .exact(1)),
        ("1.50", .fractional), ("1e-400", .fractional), ("18446744073709551615", .exact(18_446_744_073_709_551_615)),
        ("-18446744073709551615", .exact(-18_446_744_073_709_551_615)), ("18446744073709551616", .outOfRange),
        ("1e20", .outOfRange), ("1e999999999999", .outOfRange), ("0.000e999999999999", .exact(0)),
    ])
    func numbersKeepTheirExactIntegerValue(_ literal: String, _ integral: JSONValue.Integral) throws {
        let value = try parse(literal)
        #expect(value.kind == .number(literal))
        #expect(value.integral == integral)
    }

    @Test func numbersConvertToDoubles() throws {
        #expect(try parse("-0").doubleValue?.sign == .minus)
        #expect(try parse("1E+2").doubleValue == 100)
        #expect(try parse("1e400").doubleValue == .infinity)
        #expect(try parse("-2.5").doubleValue == -2.5)
    }

    @Test(arguments: [
        ("01", "bad.json: line 1, column 2: expected '.', 'e' or the end of the number after a leading 0, found '1'"),
        ("1.", "bad.json: line 1, column 3: expected a digit after '.', found end of input"),
        ("-", "bad.json: line 1, column 2: expected a digit after '-', found end of input"),
        ("1e+", "bad.json: line 1, column 4: expected a digit in the exponent, found end of input"),
        (".5", "bad.json: line 1, column 1: expected a JSON value, found '.'"),
        ("+1", "bad.json: line 1, column 1: expected a JSON value, found '+'"),
        ("[NaN]", "bad.json: line 1, column 2: expected a JSON value, found 'NaN'"),
    ])
    func badNumbersAreRejected(_ text: String, _ message: String) {
        #expect(Fixtures.parseMessage(text) == message)
    }

    // MARK: - Syntax errors

    @Test(arguments: [
        ("", "bad.json: line 1, column 1: expected a JSON value, found end of input"),
        ("  \n ", "bad.json: line 2, column 2: expected a JSON value, found end of input"),
        ("{\"a\": True}", "bad.json: line 1, column 7: expected a JSON value, found 'True'"),
        ("{\"a\": 1,}", "bad.json: line 1, column 9: expected a key in double quotes after ',', found '}'"),
        ("{a: 1}", "bad.json: line 1, column 2: expected a key in double quotes or '}', found 'a'"),
        ("{\"a\" 1}", "bad.json: line 1, column 6: expected ':' after an object key, found '1'"),
        ("[1 2]", "bad.json: line 1, column 4: expected ',' or ']' after an array element, found '2'"),
        ("[1,]", "bad.json: line 1, column 4: expected a JSON value, found ']'"),
        ("[1", "bad.json: line 1, column 3: expected ',' or ']' after an array element, found end of input"),
        ("{} {}", "bad.json: line 1, column 4: expected the end of the input after the top-level value, found '{'"),
        ("nul", "bad.json: line 1, column 1: expected a JSON value, found 'nul'"),
        ("nullx", "bad.json: line 1, column 1: expected a JSON value, found 'nullx'"),
        ("[\u{7}]", "bad.json: line 1, column 2: expected a JSON value, found U+0007"),
    ])
    func syntaxErrorsGiveLineAndColumn(_ text: String, _ message: String) {
        #expect(Fixtures.parseMessage(text) == message)
    }

    @Test func nestingUpToTheLimitParses() throws {
        let depth = JSONParser.maxDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try parse(text)
        for _ in 1..<depth { value = try #require(value[0]) }
        #expect(value.kind == .array([]))
    }

    @Test func nestingBeyondTheLimitIsAnErrorNotACrash() {
        #expect(Fixtures.parseMessage(String(repeating: "[", count: 513))
            == "bad.json: line 1, column 513: expected at most 512 nested arrays and objects, found deeper nesting")
        #expect(Fixtures.parseMessage(String(repeating: "{\"a\":", count: 100_000))
            == "bad.json: line 1, column 2561: expected at most 512 nested arrays and objects, found deeper nesting")
    }
}

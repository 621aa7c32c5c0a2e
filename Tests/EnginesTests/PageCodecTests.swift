import Contract
@testable import Engines
import Testing

@Suite struct PageCodecTests {
    static let issues = [
        Issue(id: 1, title: Array("crash on start".utf8), body: Array("it fails".utf8), commentCount: 3),
        Issue(id: 1_000_000_007, title: [], body: Array(repeating: 0xFF, count: 300), commentCount: 0),
    ]

    @Test func issuesRoundTrip() throws {
        #expect(try PageCodec.decode(PageCodec.encode(Self.issues)) == Self.issues)
        #expect(try PageCodec.decode(PageCodec.encode([])) == [])
    }

    @Test func truncatedBytesThrowWithTheOffset() {
        let bytes = Array(PageCodec.encode(Self.issues).prefix(10))
        #expect(throws: PageCodecError.truncated(at: 4, needed: 8)) { try PageCodec.decode(bytes) }
        #expect(PageCodecError.truncated(at: 4, needed: 8).description == "encoded page truncated at byte 4: needed 8 more")
    }

    @Test func trailingBytesAreRejected() {
        #expect(throws: PageCodecError.trailingBytes(2)) { try PageCodec.decode(PageCodec.encode([]) + [0, 0]) }
    }
}

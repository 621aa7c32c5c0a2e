@testable import Harness
import Testing

@Suite struct ResultSketchTests {
    /// The digest of issue `id`'s right result, made up.
    static func digest(_ id: Int) -> UInt64 { UInt64(id) &* 0x9E37_79B9_7F4A_7C15 }

    static func sketch(issues: Int, wrong: Set<Int> = [], flip: UInt64 = 1) -> ResultSketch {
        var sketch = ResultSketch()
        for id in 1...issues { sketch.insert(.init(id: id, digest: wrong.contains(id) ? digest(id) ^ flip : digest(id))) }
        for id in 1...issues { sketch.remove(.init(id: id, digest: digest(id))) }
        return sketch
    }

    @Test func rightResultsCancelOut() {
        #expect(Self.sketch(issues: 10_000) == ResultSketch())
        #expect(Self.sketch(issues: 10_000).difference() == ResultSketch.Difference(pairs: [], residualCells: 0))
    }

    @Test(arguments: 0..<64)
    func aWrongResultIsNamedWhicheverBitDiffers(bit: Int) {
        let difference = Self.sketch(issues: 1_000, wrong: [417], flip: 1 << UInt64(bit)).difference()
        #expect(difference.residualCells == 0)
        #expect(Set(difference.pairs.map { "\($0.id) \($0.sign)" }) == ["417 1", "417 -1"])
        #expect(difference.pairs.contains { $0.sign == 1 && $0.digest == Self.digest(417) ^ (1 << UInt64(bit)) })
    }

    @Test func threeHundredWrongResultsAmongAHundredThousandAreNamedExactly() {
        let wrong = Set((1...300).map { $0 * 331 })
        let difference = Self.sketch(issues: 100_000, wrong: wrong).difference()
        #expect(difference.residualCells == 0)
        #expect(Set(difference.pairs.map(\.id)) == wrong)
        #expect(difference.pairs.count == 600)
    }

    @Test func tooManyWrongResultsLeaveCellsAndALowerBound() {
        let difference = Self.sketch(issues: 5_000, wrong: Set(1...5_000)).difference()
        #expect(difference.residualCells > 0)
        let fault = Verifier.Fault(wrongResults: difference, "wrong result(s)")
        #expect(fault.isLowerBound && fault.count >= 256 && fault.count <= 5_000)
        #expect(fault.description.hasPrefix("at least \(fault.count) wrong result(s)"))
    }

    @Test func aDecodedDifferenceNamesTheFirstFiveIds() {
        let fault = Verifier.Fault(wrongResults: Self.sketch(issues: 1_000, wrong: [9, 3, 700, 12, 40, 41]).difference(),
                                   "wrong result(s)")
        #expect(fault.description == "6 wrong result(s) (first ids 3, 9, 12, 40, 41)")
    }
}

import Testing
@testable import Report

@Suite struct NumberFormatTests {
    @Test(arguments: [
        (1_234.5, "1,234"), (0.1234, "0.123"), (96.8, "96.8"), (846.1, "846"), (9.996, "10.0"),
        (99.96, "100"), (1, "1.00"), (0, "0"), (1_234_567, "1,234,567"), (-12_345.6, "-12,346"),
        (0.000_123_4, "0.000123"), (Double.infinity, "∞"), (Double.nan, "—"),
    ])
    func figuresKeepThreeSignificantDigitsAndEveryIntegerDigit(value: Double, expected: String) {
        #expect(NumberFormat.figure(value) == expected)
    }

    @Test func mebibytesHaveOneDecimal() {
        #expect(NumberFormat.mebibytes(12_345_678) == "11.8")
        #expect(NumberFormat.mebibytes(2_000_000_000) == "1,907.3")
    }

    @Test func claimedFiguresKeepEveryDigit() {
        #expect(NumberFormat.exact(846.1) == "846.1")
        #expect(NumberFormat.exact(1_000_000) == "1,000,000")
        #expect(NumberFormat.exact(0.25) == "0.25")
    }

    @Test func missingFigureIsADash() {
        #expect(NumberFormat.figure(nil as Double?) == "—")
    }
}

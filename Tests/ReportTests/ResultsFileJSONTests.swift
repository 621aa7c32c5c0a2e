import Foundation
import Measurement
import Testing
@testable import Report

@Suite struct ResultsFileJSONTests {
    @Test func resultsFileRoundTrips() throws {
        let original = Fixtures.results()
        let decoded = try ResultsFile(jsonData: original.jsonData(), source: "r.json")
        #expect(decoded == original)
    }

    @Test func outputIsPrettyWithSortedKeys() throws {
        let text = try render(Fixtures.results(), as: .json, useColor: false)
        #expect(text.hasPrefix("{\n  \"claims\" : [\n"))
        #expect(text.contains("\"command\" : [\n    \"issuebench\",\n    \"run\",\n    \"Scenarios/seed.json\""))
    }

    @Test func infinityCannotBeWrittenAndTheErrorSaysWhere() {
        var results = Fixtures.results()
        results.summaries[1].bound = .infinity
        #expect(throws: ReportError.notEncodable(path: "summaries[1].bound", reason: "inf is not a JSON number")) {
            try results.jsonData()
        }
    }

    @Test func anotherSchemaVersionIsRefused() {
        let data = Data(#"{"schemaVersion": 2}"#.utf8)
        #expect(throws: ReportError.unsupportedSchemaVersion(source: "old.json", found: 2, supported: 1)) {
            try ResultsFile(jsonData: data, source: "old.json")
        }
        let error = ReportError.unsupportedSchemaVersion(source: "old.json", found: 2, supported: 1)
        #expect(error.description == "old.json: schemaVersion 2 is not supported; this issuebench reads schemaVersion 1")
    }

    @Test func missingFieldIsNamedWithItsPath() throws {
        var object = try #require(JSONSerialization.jsonObject(with: Fixtures.results().jsonData()) as? [String: Any])
        var summaries = try #require(object["summaries"] as? [[String: Any]])
        summaries[2]["latencyMs"] = ["p50": 1]
        object["summaries"] = summaries
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: ReportError.unreadable(source: "r.json", path: "summaries[2].latencyMs.p95", reason: "missing")) {
            try ResultsFile(jsonData: data, source: "r.json")
        }
    }

    @Test func textThatIsNotJSONIsSaidSo() {
        #expect(throws: ReportError.unreadable(source: "r.json", path: "", reason: "not valid JSON")) {
            try ResultsFile(jsonData: Data("nope".utf8), source: "r.json")
        }
    }
}

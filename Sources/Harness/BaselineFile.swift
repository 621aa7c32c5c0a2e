import Foundation
import Measurement
import Report

/// A committed baseline for `issuebench check`: the results of one run, every scenario of it,
/// as a JSON array of results files (machine, clock mode, workload hashes and every trial
/// included, so the check can test significance and say what it compared).
public struct BaselineFile: Sendable {
    public var path: String { file.path }
    private let file: OutputFile

    /// Checks at once that `path` can be written, so a long run does not end in a lost baseline.
    public init(path: String) throws(HarnessError) {
        file = try OutputFile(path: path, option: "--save-baseline")
    }

    /// Writes `results` atomically.
    public func write(_ results: [ResultsFile]) throws(HarnessError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data: Data
        do { data = try encoder.encode(results) } catch {
            throw .io(path: path, message: "cannot encode the baseline: \(error)")
        }
        try file.write(String(decoding: data, as: UTF8.self) + "\n")
    }

    /// Reads a baseline (an array of results files) or a single results file as written by `run`.
    public static func read(_ path: String) throws(HarnessError) -> [ResultsFile] {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .io(path: path, message: "cannot read: \((error as NSError).localizedFailureReason ?? "\(error)")")
        }
        if let many = try? JSONDecoder().decode([ResultsFile].self, from: data) {
            return many
        }
        do { return [try ResultsFile(jsonData: data, source: path)] } catch {
            throw .io(path: path, message: "expected a results file or a baseline, found something else: \(error)")
        }
    }
}

import Foundation
import Measurement
import Report

/// A committed baseline for `issuebench check`: the results of one run, every scenario of it,
/// as a JSON array of results files (machine, clock mode, workload hashes and every trial
/// included, so the check can test significance and say what it compared).
public struct BaselineFile: Sendable {
    public let path: String
    private let writer: ResultsWriter
    private let name: String

    /// Checks at once that `path` can be written, so a long run does not end in a lost baseline.
    public init(path: String) throws(HarnessError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        name = url.lastPathComponent
        guard !name.isEmpty, !name.hasPrefix(".") else {
            throw .usage(command: "run", message: "--save-baseline: expected a file name, found '\(path)'")
        }
        writer = try ResultsWriter(directory: url.deletingLastPathComponent().path)
    }

    /// Writes `results` atomically.
    public func write(_ results: [ResultsFile]) throws(HarnessError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            let data = try encoder.encode(results)
            try writer.write(String(decoding: data, as: UTF8.self) + "\n", to: name)
        } catch let error as HarnessError {
            throw error
        } catch {
            throw .io(path: path, message: "cannot encode the baseline: \(error)")
        }
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

import Contract

/// Something the reader of a comparison must know beside its figures; the text is written here
/// and nowhere else.
public enum CheckNote: Codable, Sendable, Equatable, CustomStringConvertible {
    // MARK: - About one figure

    /// The test cannot reach α with this many repetitions, whatever they are; `needed` is the
    /// count per side that can.
    case tooFewRepetitions(baseline: Int, current: Int, needed: Int, alpha: Double)
    /// One side kept no per-repetition figures for this metric (a results file without trials).
    case noRepetitionFigures(CheckSide)
    /// The change exceeds the threshold but the test cannot tell it from noise.
    case withinNoise(pValue: Double, alpha: Double)
    /// Repetitions far from the rest of their side (MAD-based); they are kept in every figure.
    case outliers(baseline: [Double], current: [Double])
    /// A figure measured on the host, compared across machines or builds (see the check's warnings).
    case acrossEnvironments

    // MARK: - About a row

    case failedVerification(reasons: [String])
    case baselineFailedVerification(reasons: [String])
    /// Every repetition on that side failed, so there are no figures to compare.
    case noPassingRepetition(CheckSide)
    /// The row was paired with the baseline's only row of its engine, which ran with other tunables.
    case tuningDiffers(baseline: [String: Double], current: [String: Double])
    /// A wall-clock row whose trials' speed probes (median ms, `SpeedProbe`) say the machine ran
    /// at another speed than for the baseline's.
    case machineSpeedDiffers(baselineMilliseconds: Double, currentMilliseconds: Double)

    // MARK: - About the whole check

    case differentMachine(baseline: String, current: String)
    case differentBuild(baseline: String, current: String)

    /// The least severe status a figure, row or check carrying this note can have.
    var status: CheckStatus {
        switch self {
        case .withinNoise: .pass
        case .failedVerification: .regression
        case .tooFewRepetitions, .noRepetitionFigures, .outliers, .acrossEnvironments, .baselineFailedVerification,
             .noPassingRepetition, .tuningDiffers, .machineSpeedDiffers, .differentMachine, .differentBuild: .warning
        }
    }

    public var description: String {
        switch self {
        case let .tooFewRepetitions(baseline, current, needed, alpha):
            return "too few repetitions for a significance test (\(baseline) vs \(current); at α = "
                + "\(CheckFormat.alpha(alpha)) it needs \(needed) per side): judged by the threshold alone"
        case .noRepetitionFigures(let side):
            return "no per-repetition figures in \(side.noun) (its trials were not kept): "
                + "judged by the threshold alone"
        case let .withinNoise(pValue, alpha):
            return "within noise (p = \(CheckFormat.pValue(pValue)) ≥ α = \(CheckFormat.alpha(alpha)))"
        case let .outliers(baseline, current):
            func list(_ values: [Double]) -> String {
                values.isEmpty ? "none" : values.map(NumberFormat.figure).joined(separator: ", ")
            }
            return "outlying repetitions, kept: baseline \(list(baseline)); current \(list(current))"
        case .acrossEnvironments:
            return "measured on another machine or build"
        case .failedVerification(let reasons):
            return "failed verification: \(reasons.isEmpty ? "no reason recorded" : reasons.joined(separator: "; "))"
        case .baselineFailedVerification(let reasons):
            return "the baseline row failed verification: "
                + (reasons.isEmpty ? "no reason recorded" : reasons.joined(separator: "; "))
        case .noPassingRepetition(let side):
            return "no passing repetition in \(side.noun): no figures to compare"
        case let .machineSpeedDiffers(baseline, current):
            return "the machine ran at another speed: the same fixed CPU work took \(NumberFormat.figure(baseline)) ms "
                + "before the baseline's trials and \(NumberFormat.figure(current)) ms before these "
                + "(\(NumberFormat.figure(max(baseline, current) / min(baseline, current)))×); time figures move with it"
        case let .tuningDiffers(baseline, current):
            let names = Set(baseline.keys).union(current.keys).sorted()
            let changes = names.filter { baseline[$0] != current[$0] }.map { name in
                "\(name) \(baseline[name].map(format) ?? "unset") → \(current[name].map(format) ?? "unset")"
            }
            return "tuning differs from the baseline: \(changes.joined(separator: ", "))"
        case let .differentMachine(baseline, current):
            return "the baseline was measured on \(baseline), the current results on \(current): "
                + "figures measured on the host are not comparable across machines"
        case let .differentBuild(baseline, current):
            return "the baseline is a \(baseline) build, the current results a \(current) build: "
                + "figures measured on the host are not comparable across builds"
        }
    }
}

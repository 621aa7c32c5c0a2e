// swift-tools-version: 6.1
import PackageDescription

// Toolchain only: no package dependencies. The system zlib comes in through a systemLibrary target.
// Dependencies run one way, top to bottom:
//   Contract  →  Scenario  →  Simulation, Engines, Measurement  →  Report  →  Harness  →  issuebench
// NonisolatedNonsendingByDefault (SE-0461): a nonisolated async function runs on its caller's
// executor instead of hopping to the generic one. Nothing here is actor-isolated, so the hops
// only cost time: every one asked the runtime for the task's preferred executor under a lock,
// 10 % of a zero-latency virtual-clock trial's host time.
let strict: [SwiftSetting] = [.swiftLanguageMode(.v6), .enableUpcomingFeature("NonisolatedNonsendingByDefault")]

let package = Package(
    name: "issuebench",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "issuebench", targets: ["issuebench"]),
    ],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "Contract", swiftSettings: strict),
        .target(name: "Scenario", dependencies: ["Contract"], swiftSettings: strict),
        .target(name: "Simulation", dependencies: ["Contract", "Scenario"], swiftSettings: strict),
        .target(name: "Engines", dependencies: ["Contract", "CZlib"], swiftSettings: strict),
        .target(name: "Measurement", dependencies: ["Contract"], swiftSettings: strict),
        .target(name: "Report", dependencies: ["Measurement", "Scenario"], swiftSettings: strict),
        .target(
            name: "Harness",
            dependencies: ["Contract", "Scenario", "Simulation", "Engines", "Measurement", "Report"],
            swiftSettings: strict),
        .executableTarget(name: "issuebench", dependencies: ["Harness"], swiftSettings: strict),
        .testTarget(name: "ScenarioTests", dependencies: ["Scenario", "Contract"], swiftSettings: strict),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "Contract"], swiftSettings: strict),
        .testTarget(name: "EnginesTests", dependencies: ["Engines", "Simulation"], swiftSettings: strict),
        .testTarget(name: "MeasurementTests", dependencies: ["Measurement", "Contract"], swiftSettings: strict),
        .testTarget(name: "ReportTests", dependencies: ["Report"], swiftSettings: strict),
        .testTarget(name: "HarnessTests", dependencies: ["Harness"], swiftSettings: strict),
    ]
)

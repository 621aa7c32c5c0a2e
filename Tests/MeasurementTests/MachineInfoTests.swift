import Foundation
import Testing
@testable import Measurement

@Suite struct MachineInfoTests {
    @Test func cpuModelIsTheFirstModelNameLine() {
        // The head of /proc/cpuinfo on the development machine; keys are padded with tabs.
        let cpuInfo = """
            processor\t: 0
            vendor_id\t: AuthenticAMD
            cpu family\t: 25
            model\t\t: 1
            model name\t: AMD EPYC
            stepping\t: 1

            processor\t: 1
            model name\t: AMD EPYC

            """
        #expect(MachineInfo.cpuModel(fromCPUInfo: cpuInfo) == "AMD EPYC")
    }

    @Test func cpuInfoWithoutModelNameHasNoModel() {
        // An ARM machine's /proc/cpuinfo names no model.
        let cpuInfo = "processor\t: 0\nBogoMIPS\t: 50.00\nFeatures\t: fp asimd\nCPU part\t: 0xd0c\n"
        #expect(MachineInfo.cpuModel(fromCPUInfo: cpuInfo) == nil)
    }

    @Test func describesThisMachine() throws {
        let machine = try MachineInfo.current()
        #expect(machine.cores >= 1)
        #expect(machine.memoryBytes > 0)
        #expect(machine.kernel.hasPrefix("Linux "))
        #expect(!machine.host.isEmpty)
        #expect(!machine.cpuModel.isEmpty)
        #expect(machine.swiftVersion == nil && machine.gitCommit == nil)
    }

    @Test func roundTripsThroughJSON() throws {
        let machine = MachineInfo(host: "ci-7", cpuModel: "AMD EPYC", cores: 2, memoryBytes: 25_000_000_000,
                                  kernel: "Linux 6.18.44", architecture: "x86_64", swiftVersion: "6.3.1",
                                  gitCommit: nil)
        let decoded = try JSONDecoder().decode(MachineInfo.self, from: JSONEncoder().encode(machine))
        #expect(decoded == machine)
    }
}

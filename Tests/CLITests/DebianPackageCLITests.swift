import EHCPTestSupport
import Foundation
import Testing

/// `scripts/package-deb.sh` packages the ehcp these tests run (the release build is packaged by
/// `scripts/check-deb.sh` in `.ci/run`, which takes minutes): the package installs with
/// `dpkg -i --root` into a scratch root, and the ehcp installed there runs.
@Suite(.enabled(if: DebianTools.available, "dpkg-deb is not installed: the Debian package is not checked"))
struct DebianPackageCLITests {
    @Test func thePackageInstallsIntoAScratchRootAndRuns() throws {
        let scratch = try EHCPProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let packaged = try EHCPProcess.run(
            [RepositoryPaths.root + "/scripts/package-deb.sh", "--binary", EHCPProcess.binary, "--output", scratch + "/out", "--compression", "gzip"],
            executable: "/bin/bash")
        #expect(packaged.status == 0, "\(packaged.stderr)")
        let deb = packaged.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let version = try EHCPProcess.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(deb == scratch + "/out/ehcp_\(version)_amd64.deb")

        let control = try EHCPProcess.run(["--field", deb, "Package", "Version", "Architecture", "Depends"], executable: "/usr/bin/dpkg-deb")
        #expect(control.stdout.contains("Package: ehcp\nVersion: \(version)\nArchitecture: amd64\n"), "\(control.stdout)")
        #expect(control.stdout.contains("libxml2") && control.stdout.contains("libyaml-0-2"), "\(control.stdout)")

        let root = scratch + "/root"
        for folder in ["/var/lib/dpkg/updates", "/var/lib/dpkg/info"] {
            try FileManager.default.createDirectory(atPath: root + folder, withIntermediateDirectories: true)
        }
        FileManager.default.createFile(atPath: root + "/var/lib/dpkg/status", contents: Data())
        let installed = try EHCPProcess.run(
            ["--root=\(root)", "--force-depends", "--force-not-root", "--log=/dev/null", "-i", deb], executable: "/usr/bin/dpkg")
        #expect(installed.status == 0, "\(installed.stderr)")
        let run = try EHCPProcess.run(["--version"], executable: root + "/usr/bin/ehcp")
        #expect(run.status == 0 && run.stdout == version + "\n", "\(run.stdout)\(run.stderr)")
        for file in [
            "usr/share/man/man1/ehcp.1.gz", "usr/share/bash-completion/completions/ehcp",
            "usr/share/zsh/vendor-completions/_ehcp", "usr/share/fish/vendor_completions.d/ehcp.fish"
        ] {
            let size = (try? FileManager.default.attributesOfItem(atPath: root + "/" + file)[.size] as? Int) ?? 0
            #expect(size > 0, "the package does not install \(file)")
        }
    }

    @Test func theReadmeSaysHowASchoolInstallsIt() throws {
        let readme = try String(contentsOfFile: RepositoryPaths.root + "/README.md", encoding: .utf8)
        #expect(readme.contains("scripts/package-deb.sh"))
        #expect(readme.contains("apt install ./ehcp_0.1.0_amd64.deb"))
    }
}

/// Whether Debian's package tools are on this machine.
enum DebianTools {
    static var available: Bool {
        ["/usr/bin/dpkg-deb", "/usr/bin/dpkg"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

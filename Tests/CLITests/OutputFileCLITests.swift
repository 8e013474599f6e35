import EHCPTestSupport
import Foundation
import Testing

/// `--output` never loses a file: an existing report is replaced whole, a folder, an input or a
/// path inside a bundle being read is refused and left as it was, a link is replaced rather than
/// followed, and a write that fails leaves the old file and no temporary file behind.
@Suite struct OutputFileCLITests {
    let manager = FileManager.default

    /// A folder holding a copy of the example bundle as `bundle`.
    func workspace() throws -> String {
        let folder = try EHCPProcess.temporaryFolder()
        try manager.copyItem(atPath: RepositoryPaths.examples + "/riverside-request", toPath: folder + "/bundle")
        return folder
    }

    func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// Names in `folder` that a write left behind (hidden temporary files).
    func leftovers(_ folder: String) throws -> [String] {
        try manager.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }
    }

    @Test func aFolderWithoutADocumentIsReportedAndASecondRunReplacesThatReport() throws {
        let folder = try workspace()
        let notABundle = folder + "/Amelia Okafor"
        try manager.createDirectory(atPath: notABundle, withIntermediateDirectories: true)
        try "print(1)\n".write(toFile: notABundle + "/main.swift", atomically: true, encoding: .utf8)
        let report = folder + "/report.txt"
        for _ in 0..<2 {
            let result = try EHCPProcess.run(["validate", notABundle, "--output", report])
            #expect(result.status == 2)
            #expect(result.stderr.contains("holds no application document"), "\(result.stderr)")
            #expect(try text(report).contains("could not be read"), "the report lists the folder it could not read")
            #expect(try leftovers(folder).isEmpty)
        }
        let redacted = try EHCPProcess.run(["validate", notABundle, "--redact-paths", "--output", report])
        #expect(redacted.status == 2)
        let written = try text(report)
        #expect(!redacted.stderr.contains("Amelia") && !written.contains("Amelia"), "\(redacted.stderr)")
        #expect(written.contains("bundle 1"))
    }

    @Test func theMatrixIsNeverWrittenOverTheAuthorityFilesItReads() throws {
        let drafts = try DraftAuthorities.norfolk(appending: "").folder
        let rules = drafts + "/926-norfolk/requirements.yaml"
        let before = try text(rules)
        let result = try EHCPProcess.run(["authorities", "compare", "--authorities-dir", drafts, "--output", rules])
        #expect(result.status == 2)
        #expect(result.stderr.contains("which is being read"), "\(result.stderr)")
        #expect(try text(rules) == before)
    }

    @Test func aSecondRunReplacesTheReport() throws {
        let folder = try workspace()
        let report = folder + "/report.html"
        for _ in 0..<2 {
            let result = try EHCPProcess.run(["validate", folder + "/bundle", "--format", "html", "--output", report])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try text(report).contains("<html"))
        }
        #expect(try leftovers(folder).isEmpty)
        let checklist = folder + "/checklist.md"
        for _ in 0..<2 { #expect(try EHCPProcess.run(["checklist", "--authority", "926", "--output", checklist]).status == 0) }
        #expect(try text(checklist).contains("Norfolk"))
    }

    @Test(arguments: [
        ["validate", "BUNDLE"], ["validate", "BUNDLE", "--format", "json"], ["validate", "BUNDLE"], ["checklist", "--authority", "926"],
        ["convert", "BUNDLE/application.yaml", "--to", "canonical-json"]
    ])
    func aFolderIsRefusedAndKept(_ command: [String]) throws {
        let folder = try workspace()
        let target = folder + "/reports"
        try manager.createDirectory(atPath: target, withIntermediateDirectories: false)
        try "kept".write(toFile: target + "/earlier.txt", atomically: false, encoding: .utf8)
        let arguments = command.map { $0.replacingOccurrences(of: "BUNDLE", with: folder + "/bundle") } + ["--output", target]
        let result = try EHCPProcess.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains("is a directory, not a file"), "\(result.stderr)")
        #expect(try manager.contentsOfDirectory(atPath: target) == ["earlier.txt"])
        #expect(try text(target + "/earlier.txt") == "kept")
    }

    @Test(arguments: ["application.yaml", "evidence/new-report.html", "report.txt"])
    func aPathInsideTheBundleIsRefused(_ name: String) throws {
        let folder = try workspace()
        let bundle = folder + "/bundle"
        let before = try text(bundle + "/application.yaml")
        let listing = manager.subpaths(atPath: bundle)
        let result = try EHCPProcess.run(["validate", bundle, "--output", bundle + "/" + name])
        #expect(result.status == 2)
        #expect(result.stderr.contains("which is being read"), "\(result.stderr)")
        #expect(try text(bundle + "/application.yaml") == before)
        #expect(manager.subpaths(atPath: bundle) == listing)
    }

    @Test func aReportBesideTheBundlesOfAFolderIsWritten() throws {
        let folder = try workspace()
        let result = try EHCPProcess.run(["validate", folder, "--output", folder + "/report.txt"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try text(folder + "/report.txt").contains("No errors"))
        let inside = try EHCPProcess.run(["validate", folder, "--output", folder + "/bundle/report.txt"])
        #expect(inside.status == 2 && inside.stderr.contains("which is being read"), "\(inside.stderr)")
    }

    @Test func theInputIsRefusedByPathOrByHardLink() throws {
        let folder = try workspace()
        let input = folder + "/bundle/application.yaml"
        let before = try text(input)
        try manager.linkItem(atPath: input, toPath: folder + "/same.yaml")
        for output in [input, folder + "/bundle/../bundle/application.yaml", folder + "/same.yaml"] {
            let result = try EHCPProcess.run(["convert", input, "--to", "canonical-json", "--output", output])
            #expect(result.status == 2)
            #expect(result.stderr.contains("which is being read"), "\(result.stderr)")
        }
        #expect(try text(input) == before)
    }

    @Test func aLinkIsReplacedNotFollowed() throws {
        let folder = try workspace()
        let target = folder + "/target.txt"
        try "target".write(toFile: target, atomically: false, encoding: .utf8)
        try manager.createSymbolicLink(atPath: folder + "/report.txt", withDestinationPath: target)
        let result = try EHCPProcess.run(["validate", folder + "/bundle", "--output", folder + "/report.txt"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try text(target) == "target")
        #expect(try manager.attributesOfItem(atPath: folder + "/report.txt")[.type] as? FileAttributeType == .typeRegular)
        #expect(try text(folder + "/report.txt").contains("No errors"))
        // A link to the input: the link is replaced, the input is not touched.
        let input = folder + "/bundle/application.yaml"
        let before = try text(input)
        try manager.createSymbolicLink(atPath: folder + "/out.json", withDestinationPath: input)
        #expect(try EHCPProcess.run(["convert", input, "--to", "canonical-json", "--output", folder + "/out.json"]).status == 0)
        #expect(try text(input) == before)
        #expect(try text(folder + "/out.json").hasPrefix("{"))
    }

    @Test func aFIFOIsRefusedAndKept() throws {
        let folder = try workspace()
        let fifo = folder + "/report.txt"
        #expect(mkfifo(fifo, 0o600) == 0)
        let result = try EHCPProcess.run(["validate", folder + "/bundle", "--output", fifo])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is a FIFO (named pipe), not a file"), "\(result.stderr)")
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test(arguments: [
        ["validate", "BUNDLE", "--format", "html"], ["validate", "BUNDLE", "--format", "json"], ["validate", "BUNDLE"],
        ["checklist", "--authority", "926", "--format", "html"]
    ])
    func aWriteThatFailsKeepsTheOldFileAndLeavesNothing(_ command: [String]) throws {
        let folder = try workspace()
        let report = folder + "/report"
        try "old".write(toFile: report, atomically: false, encoding: .utf8)
        // Past 512 bytes, write(2) fails as it would on a full disk.
        let arguments = command.map { $0.replacingOccurrences(of: "BUNDLE", with: folder + "/bundle") } + ["--output", report]
        let result = try EHCPProcess.runWithFileSizeLimit(blocks: 1, arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains("report could not be written: File too large; nothing was changed"), "\(result.stderr)")
        #expect(try text(report) == "old")
        #expect(try leftovers(folder).isEmpty)
    }

    @Test func initNeverOverwritesAnApplicationOrEvidence() throws {
        let folder = try workspace()
        let bundle = folder + "/bundle"
        let before = try text(bundle + "/application.yaml")
        let result = try EHCPProcess.run(["init", bundle, "--authority", "926"])
        #expect(result.status == 2)
        #expect(try text(bundle + "/application.yaml") == before)
        let evidenceOnly = folder + "/started"
        try manager.createDirectory(atPath: evidenceOnly + "/evidence", withIntermediateDirectories: true)
        try "report".write(toFile: evidenceOnly + "/evidence/ep.pdf", atomically: false, encoding: .utf8)
        #expect(try EHCPProcess.run(["init", evidenceOnly, "--authority", "926"]).status == 2)
        #expect(try text(evidenceOnly + "/evidence/ep.pdf") == "report")
        #expect(!manager.fileExists(atPath: evidenceOnly + "/application.yaml"))
        let fresh = folder + "/fresh"
        #expect(try EHCPProcess.run(["init", fresh, "--authority", "926"]).status == 0)
        #expect(try leftovers(fresh).isEmpty)
    }

    @Test(arguments: [["validate", "BUNDLE"], ["validate", "BUNDLE", "--format", "html"], ["checklist", "--authority", "926"]])
    func aFullStandardOutputIsAnErrorNotACrash(_ command: [String]) throws {
        let folder = try workspace()
        let arguments = command.map { $0.replacingOccurrences(of: "BUNDLE", with: folder + "/bundle") }
        let result = try EHCPProcess.run(["-c", "exec \"$0\" \"$@\" > /dev/full", EHCPProcess.binary] + arguments, executable: "/bin/sh")
        #expect(result.status == 2)
        #expect(result.stderr == "error: standard output could not be written: No space left on device\n", "\(result.stderr)")
    }
}

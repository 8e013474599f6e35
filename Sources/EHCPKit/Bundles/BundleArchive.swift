import EHCPSource
import Foundation
import ZIPFoundation

/// Writes a bundle as a zip archive in memory, laid out as `ehcp init` lays out a folder
/// (`application.yaml` at the root, documents under `evidence/`), so a program that builds a
/// request (the page of `ehcp serve`) can hand it over without a temporary folder.
public enum BundleArchive {
    /// The zip of `files`, in the order given, each deflated, with a fixed modification date so the
    /// same bundle always gives the same bytes.
    ///
    /// - Throws: ``DiagnosticList`` when a name is absolute or climbs out of the bundle, or the
    ///   archive cannot be written.
    public static func zip(_ files: [BundleFile]) throws -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            let date = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01
            for file in files {
                guard let name = InMemoryEvidenceFiles.normalised(file.name) else {
                    throw DiagnosticList([.error("a file's name is absolute or climbs out of the bundle; the zip was not written")])
                }
                let bytes = Data(file.bytes)
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: date,
                                     compressionMethod: .deflate) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw DiagnosticList([.error("the zip could not be written")]) }
            return Array(data)
        } catch let list as DiagnosticList {
            throw list
        } catch {
            throw DiagnosticList([.error("the zip could not be written")])
        }
    }
}

import Foundation
import Testing

@testable import EHCPKit

/// Every colour pair in the report's style sheet meets WCAG 2 AA for normal text (4.5:1).
@Suite struct ContrastTests {
    /// `(selector, colour, background)` for each rule setting a colour; the page is white where a
    /// rule sets no background.
    static func pairs(_ css: String) -> [(String, String, String)] {
        css.split(separator: "}").compactMap { block in
            let parts = block.split(separator: "{", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            func value(_ property: String) -> String? {
                parts[1].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                    .first { $0.hasPrefix(property + ":") }.map { String($0.dropFirst(property.count + 1)).trimmingCharacters(in: .whitespaces) }
            }
            guard let colour = value("color"), colour.hasPrefix("#") else { return nil }
            let background = value("background").flatMap { $0.hasPrefix("#") ? $0 : nil } ?? "#fff"
            return (parts[0].trimmingCharacters(in: .whitespacesAndNewlines), colour, background)
        }
    }

    static func luminance(_ hex: String) -> Double {
        var digits = String(hex.dropFirst())
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        let value = Int(digits, radix: 16)!
        func linear(_ shift: Int) -> Double {
            let channel = Double((value >> shift) & 0xFF) / 255
            return channel <= 0.03928 ? channel / 12.92 : pow((channel + 0.055) / 1.055, 2.4)
        }
        let red = 0.2126 * linear(16)
        let green = 0.7152 * linear(8)
        return red + green + 0.0722 * linear(0)
    }

    static func ratio(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test func everyColourPairIsAtLeast4Point5To1() {
        let pairs = Self.pairs(HTMLReporter.style)
        #expect(pairs.count >= 6)
        for (selector, colour, background) in pairs {
            #expect(Self.ratio(colour, background) >= 4.5, "\(selector): \(colour) on \(background) is \(Self.ratio(colour, background)):1")
        }
        // The measure itself: black on white is 21:1, mid grey on white fails.
        #expect(abs(Self.ratio("#000", "#fff") - 21) < 0.01)
        #expect(Self.ratio("#999", "#fff") < 4.5)
    }
}

// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "ehcp",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "EHCPKit", targets: ["EHCPKit"]),
        .executable(name: "ehcp", targets: ["ehcp"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The server of `ehcp serve`; its optional traits (swift-configuration, full Foundation) are not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "EHCPSource"),
        .target(name: "EHCPYAML", dependencies: ["CYAML", "EHCPSource"]),
        .target(name: "EHCPXML", dependencies: ["CLibXML2", "EHCPSource"]),
        .target(
            name: "EHCPKit",
            dependencies: [
                "EHCPSource", "EHCPYAML", "EHCPXML", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "EHCPServer",
            dependencies: [
                "EHCPKit", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "ehcp",
            dependencies: ["EHCPKit", "EHCPServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .target(name: "EHCPTestSupport", dependencies: ["EHCPKit"], path: "Tests/EHCPTestSupport"),
        .testTarget(name: "EHCPSourceTests", dependencies: ["EHCPSource", "EHCPYAML", "EHCPXML"]),
        .testTarget(
            name: "EHCPKitTests",
            dependencies: ["EHCPKit", "EHCPTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(name: "CLITests", dependencies: ["EHCPTestSupport"]),
        .testTarget(
            name: "ServerTests",
            dependencies: ["EHCPServer", "EHCPTestSupport", "EHCPYAML", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
    ]
)

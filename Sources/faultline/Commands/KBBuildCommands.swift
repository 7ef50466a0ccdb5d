import ArgumentParser
import FaultlineKnowledge
import Foundation

extension KBCommand {
    /// `faultline kb build-gazetteer`: derives the shipped gazetteer from the GeoNames extract.
    struct BuildGazetteer: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build-gazetteer",
            abstract: "Derive the gazetteer (and the CAMEO codebook) from the shared GeoNames and CAMEO data.",
            discussion: """
                Reads DATA/geonames (cities15000.json, countries.json, admin1CodesASCII.txt, continents.json),
                DATA/natural-earth-110m (country outlines, for country points) and DATA/cameo, and writes
                places.tsv and cameo.tsv into the resource folders. Run from the repository root, then rebuild.
                """)

        @Option(help: ArgumentHelp("The shared data folder.", valueName: "dir"))
        var data = "../shared/data"

        @Option(help: ArgumentHelp("Where the resource folders are.", valueName: "dir"))
        var resources = "Sources/FaultlineKnowledge/Resources"

        func run() throws {
            let dataURL = URL(fileURLWithPath: data)
            let resourcesURL = URL(fileURLWithPath: resources)
            let gazetteer = try GazetteerBuilder.build(data: dataURL)
            try gazetteer.text.write(to: resourcesURL.appendingPathComponent("gazetteer/places.tsv"), atomically: true, encoding: .utf8)
            print("gazetteer: \(gazetteer.placeCount) places, \(gazetteer.text.utf8.count / 1024) KiB")
            let codebook = try CodebookBuilder.build(data: dataURL)
            try codebook.text.write(to: resourcesURL.appendingPathComponent("codebooks/cameo.tsv"), atomically: true, encoding: .utf8)
            print("codebook: \(codebook.codeCount) CAMEO codes")
            for issue in gazetteer.issues + codebook.issues { FileHandle.standardError.write(Data("skipped: \(issue)\n".utf8)) }
        }
    }
}

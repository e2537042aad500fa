// An accelerate config file: the document as written (every key kept, in place), what accelerate holds after
// loading it (migrations and defaults applied), its canonical form, its diagnostics, and atomic saving.
#pragma once

#include "diagnostic.h"
#include "schema.h"
#include "value.h"
#include "yamlio.h"

#include <QString>

namespace trainyard {

struct HardwareInfo;

class AccelerateConfig {
public:
    // Reads and parses a file. Syntax and file-level faults are in diagnostics(); the result is usable
    // (isLoaded()) when the file parsed into a mapping.
    static AccelerateConfig load(const QString &path);
    static AccelerateConfig fromBytes(const QByteArray &bytes, const QString &fileName);
    static AccelerateConfig fromDocument(const Value &document, const QString &fileName = {});

    bool isLoaded() const { return m_document.isMap(); }
    const QString &fileName() const { return m_fileName; }
    Dialect dialect() const { return m_dialect; }
    const Diagnostics &loadDiagnostics() const { return m_loadDiagnostics; }

    // The document as read; edits go here and keep key order and unknown keys.
    const Value &document() const { return m_document; }
    Value &document() { return m_document; }

    ConfigKind kind() const;

    // What accelerate's load_config_from_file holds: process_config's migrations, the dataclass defaults, and
    // None dicts as {}. Keys accelerate does not know are kept (accelerate refuses them; validate() says so).
    Value processed() const;
    // The form `accelerate config update` writes: processed(), with empty sections and None values dropped.
    Value canonical() const;
    QByteArray canonicalText(Dialect dialect) const;

    // Every diagnostic for the file: load faults plus validate().
    Diagnostics diagnostics(const HardwareInfo &hw) const;
    Diagnostics validate(const HardwareInfo &hw) const;

    // Looks a field up in processed(): top-level key, or "section.key".
    Value field(const QString &path) const;

private:
    QString m_fileName;
    Dialect m_dialect = Dialect::Yaml;
    Value m_document;
    Diagnostics m_loadDiagnostics;
};

Dialect dialectForPath(const QString &path);

// Writes data to path through a temporary file in the same folder and a rename: readers see the old file or
// the new one, never a part. On failure the old file is untouched and error says why.
bool saveFileAtomically(const QString &path, const QByteArray &data, QString *error);

// accelerate's default config location: $HF_HOME/accelerate, else $XDG_CACHE_HOME/huggingface/accelerate,
// else
// ~/.cache/huggingface/accelerate; file default_config.yaml.
QString defaultConfigPath();

} // namespace trainyard

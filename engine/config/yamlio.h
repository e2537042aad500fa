// Reading YAML with the YAML 1.1 meaning PyYAML's safe_load gives, JSON with json.load's meaning, and writing
// both the way accelerate does (yaml.safe_dump, json.dump(indent=2, sort_keys=True)).
#pragma once

#include "diagnostic.h"
#include "value.h"

#include <QByteArray>

namespace trainyard {

enum class Dialect { Yaml, Json };

struct ParseResult {
    Value root; // null when the document is empty or could not be parsed
    Diagnostics diagnostics;
    bool ok() const { return !hasErrors(diagnostics); }
};

// Files larger than this are refused: accelerate configs are a few kilobytes.
constexpr qint64 MaxConfigBytes = 4 * 1024 * 1024;

ParseResult parseDocument(const QByteArray &bytes, Dialect dialect, const QString &fileName);

// How PyYAML's implicit resolver would type a plain (unquoted) scalar.
Value resolvePlainScalar(const QString &text);

QByteArray toYaml(const Value &root, bool sortKeys = true);
QByteArray toJson(const Value &root, bool sortKeys = true);

} // namespace trainyard

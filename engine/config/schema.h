// accelerate's config schema as data: every field of ClusterConfig / SageMakerConfig and every key of the
// dict-valued sections, with its type, allowed values, default and help text. The validator, the canonical
// writer, the launch planner and the studio's generated form all read this one table.
#pragma once

#include "value.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace trainyard {

enum class FieldType {
    Bool,
    Int,
    Float,
    String,
    Enum,       // one of choices (case rule in caseInsensitive)
    StringList, // a YAML list of strings
    Dict,       // a section (fsdp_config, ...) or a free mapping (additional_args)
    BoolOrEnum, // fsdp_reshard_after_forward: a bool under FSDP2, a sharding strategy name under FSDP1
    Any,
};

enum ConfigKind : unsigned { Cluster = 1, SageMaker = 2, BothKinds = 3 };

struct FieldSpec {
    QString section; // "" for top-level fields, else the section key, e.g. "fsdp_config"
    QString key;
    FieldType type = FieldType::String;
    QStringList choices;
    bool caseInsensitive = false;
    bool digitsAllowed = false; // FSDP enums also accept their 1-based number
    Value defaultValue; // top level: the dataclass default; sections: accelerate launch's flag default
    unsigned kinds = Cluster;
    bool required = false;
    const char *help = nullptr; // untranslated; use FieldSpec::helpText()

    QString path() const { return section.isEmpty() ? key : section + u'.' + key; }
    QString helpText() const;
};

namespace schema {

const QList<FieldSpec> &fields();
const FieldSpec *find(const QString &section, const QString &key);
// The values an integer setting may take, for the keys whose size Trainyard relies on (process counts, ranks,
// ports, restarts); the 64-bit range for the others. Config files and launch flags share the names.
struct IntRange {
    qint64 min, max;
};
IntRange intRange(const QString &key);
QStringList topLevelKeys(ConfigKind kind);
QStringList sectionKeys(const QString &section);
QStringList sections(); // the dict-valued top-level fields of ClusterConfig

// accelerate's renaming of a section key onto its launch flag: fsdp_config "version" -> "fsdp_version".
QString launchArgName(const QString &section, const QString &key);

const QStringList &distributedTypes();
const QStringList &sageMakerDistributedTypes();
const QStringList &dynamoBackends();

// The closest of candidates to word (Levenshtein), or empty when nothing is close.
QString nearest(const QString &word, const QStringList &candidates);

} // namespace schema
} // namespace trainyard

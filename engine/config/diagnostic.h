// Errors are values: a severity, a place (file, line, column, field) and a message.
#pragma once

#include "value.h"

#include <QList>
#include <QString>

namespace trainyard {

struct Diagnostic {
    // Note: something the user should know where nothing is wrong (Trainyard doing what accelerate could
    // not).
    enum class Severity { Error, Warning, Note };
    Severity severity = Severity::Error;
    QString file;
    SourcePos pos;
    QString field; // dotted path of the config field concerned, e.g. "fsdp_config.fsdp_version"
    QString message;

    bool isError() const { return severity == Severity::Error; }
    // FILE:LINE:COL: error|warning: message (line and column left out when unknown)
    QString format() const;
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &ds);

} // namespace trainyard

// Command-line bytes that are not UTF-8, carried losslessly through QString (Python's "surrogateescape", as
// os.fsdecode does): every byte of an invalid sequence becomes the lone surrogate U+DC00 + byte, which no
// valid UTF-8 produces, and encoding turns it back into that byte. So a script path or argument in Latin-1
// reaches a rank and the --dry-run script exactly as it was typed, where QCoreApplication::arguments() and
// QProcess would have made it U+FFFD.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace trainyard {

QString argFromBytes(const QByteArray &bytes);
QByteArray argToBytes(const QString &text);
// True when `text` holds an escaped byte (so only a byte-exact path reproduces it).
bool hasEscapedBytes(const QString &text);
// argv[0..argc) decoded with argFromBytes.
QStringList argsFromArgv(int argc, char **argv);

} // namespace trainyard

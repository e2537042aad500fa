#include "configwizard.h"

#include "config/accelerateconfig.h"
#include "filedialogs.h"
#include "system/hardware.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace trainyard {

// The questionnaire's side: posts each question to the dialog and waits for its answer.
class ConfigWizard::Bridge : public Prompter {
public:
    Bridge(ConfigWizard *w, int generation)
        : m_w(w)
        , m_generation(generation) {}
    QString ask(const QString &prompt) override {
        return askQuestion(Question{Question::Kind::Text, prompt, {}, {}}, prompt);
    }
    QString askQuestion(const Question &q, const QString &) override {
        QMutexLocker lock(&m_w->m_mutex);
        m_w->m_answer.reset();
        QMetaObject::invokeMethod(m_w, [w = m_w, q, g = m_generation] {
            if (w->m_generation == g)
                w->showQuestion(q);
        });
        while (!m_w->m_answer && !m_w->m_cancelled)
            m_w->m_answered.wait(&m_w->m_mutex);
        return m_w->m_cancelled ? QString() : *m_w->m_answer;
    }
    void say(const QString &text) override {
        QMetaObject::invokeMethod(m_w, [w = m_w, text] { w->m_transcript->appendPlainText(text); });
    }

private:
    ConfigWizard *m_w;
    int m_generation;
};

// The questions page is complete (Next enabled) while a question waits for its answer or once all are
// answered.
class ConfigWizard::QuestionPage : public QWizardPage {
public:
    explicit QuestionPage(ConfigWizard *w)
        : QWizardPage(w)
        , m_w(w) {}
    bool isComplete() const override { return m_w->m_asking || m_w->m_finished; }
    void changed() { Q_EMIT completeChanged(); }

private:
    ConfigWizard *m_w;
};

ConfigWizard::ConfigWizard(QWidget *parent)
    : QWizard(parent)
    , m_questionPage(new QuestionPage(this))
    , m_question(new QLabel(m_questionPage))
    , m_choices(new QComboBox(m_questionPage))
    , m_field(new QLineEdit(m_questionPage))
    , m_transcript(new QPlainTextEdit(m_questionPage))
    , m_path(new QLineEdit)
    , m_preview(new QPlainTextEdit)
    , m_saveError(new QLabel) {
    setWindowTitle(tr("New accelerate config"));
    setOptions(QWizard::NoBackButtonOnStartPage);
    // Page 1: the questions.
    m_questionPage->setTitle(tr("accelerate's questions"));
    m_questionPage->setSubTitle(tr("The questions `accelerate config` asks, checked against this machine."));
    m_question->setWordWrap(true);
    QFont f = m_question->font();
    f.setBold(true);
    m_question->setFont(f);
    m_transcript->setReadOnly(true);
    m_transcript->setPlaceholderText(tr("Your answers appear here."));
    connect(m_field, &QLineEdit::returnPressed, this, &QWizard::next);
    auto *layout = new QVBoxLayout(m_questionPage);
    layout->addWidget(m_transcript, 1);
    layout->addWidget(m_question);
    layout->addWidget(m_choices);
    layout->addWidget(m_field);
    m_choices->hide();
    m_field->hide();
    setPage(QuestionsPage, m_questionPage);
    // Page 2: the config made, and where to save it.
    auto *savePage = new QWizardPage;
    savePage->setTitle(tr("Save the config"));
    savePage->setSubTitle(tr("accelerate reads the default config when no --config_file is given."));
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_path->setText(defaultConfigPath());
    auto *browse = new QPushButton(tr("&Browse..."), savePage);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString chosen = fileDialogs::getSaveFileName(
            this, tr("Save accelerate config"), m_path->text(), tr("YAML (*.yaml *.yml);;JSON (*.json)"),
            nullptr, QFileDialog::DontConfirmOverwrite);
        if (!chosen.isEmpty())
            m_path->setText(chosen);
    });
    m_saveError->setWordWrap(true);
    m_saveError->setStyleSheet(u"color: #c0392b"_s);
    auto *row = new QHBoxLayout;
    auto *saveTo = new QLabel(tr("Save &to:"), savePage);
    saveTo->setBuddy(m_path); // the & is a mnemonic, not a character to show
    row->addWidget(saveTo);
    row->addWidget(m_path, 1);
    row->addWidget(browse);
    auto *saveLayout = new QVBoxLayout(savePage);
    saveLayout->addWidget(m_preview, 1);
    saveLayout->addLayout(row);
    saveLayout->addWidget(m_saveError);
    setPage(SavePage, savePage);
    setButtonText(QWizard::FinishButton, tr("&Save"));
    // Going back: a question at a time on the questions page, and from the save page to the last question.
    setOption(QWizard::HaveCustomButton1, true);
    setButtonText(QWizard::CustomButton1, tr("&Previous Question"));
    connect(this, &QWizard::customButtonClicked, this, [this](int which) {
        if (which == QWizard::CustomButton1)
            previousQuestion();
    });
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        // Back from the save page: the last answer is asked again.
        if (id == QuestionsPage && m_finished)
            previousQuestion();
        updateButtons();
    });
    updateButtons();
    resize(680, 520);
}

void ConfigWizard::updateButtons() {
    if (QAbstractButton *previous = button(QWizard::CustomButton1)) {
        previous->setVisible(currentId() == QuestionsPage || currentId() == -1);
        previous->setEnabled(!m_answers.isEmpty() && m_replay.isEmpty());
    }
}

void ConfigWizard::stopQuestionnaire() {
    {
        QMutexLocker lock(&m_mutex);
        m_cancelled = true;
        m_answered.wakeAll();
    }
    m_thread.quit();
    m_thread.wait();
    QMutexLocker lock(&m_mutex);
    m_cancelled = false;
    m_answer.reset();
}

bool ConfigWizard::previousQuestion() {
    if (m_answers.isEmpty())
        return false;
    ++m_generation; // what the running questionnaire still posts is ignored
    stopQuestionnaire();
    m_replay = m_answers.mid(0, m_answers.size() - 1);
    m_preselect = m_answers.last();
    m_answers.clear();
    m_transcript->clear();
    m_asking = false;
    m_finished = false;
    m_result = Value();
    m_questionPage->changed();
    if (currentId() != QuestionsPage)
        restart();
    start(m_hardware);
    updateButtons();
    return true;
}

ConfigWizard::~ConfigWizard() {
    {
        QMutexLocker lock(&m_mutex);
        m_cancelled = true;
        m_answered.wakeAll();
    }
    m_thread.quit();
    m_thread.wait();
}

void ConfigWizard::start(const HardwareInfo &hw) {
    m_hardware = hw;
    QPointer<ConfigWizard> self(this);
    QObject *worker = new QObject;
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    m_thread.start();
    const int generation = m_generation;
    QMetaObject::invokeMethod(worker, [self, this, hw, generation] {
        Bridge bridge(this, generation);
        const QuestionnaireResult r = runQuestionnaire(bridge, hw);
        QMetaObject::invokeMethod(this, [self, r, generation] {
            if (self && self->m_generation == generation)
                self->finishWith(r);
        });
    });
}

void ConfigWizard::showQuestion(const Question &q) {
    m_current = q;
    m_question->setText(q.text);
    m_choices->clear();
    m_field->clear();
    if (q.kind == Question::Kind::Menu || q.kind == Question::Kind::YesNo) {
        const QStringList options =
            q.kind == Question::Kind::Menu ? q.options : QStringList{tr("yes"), tr("no")};
        m_choices->addItems(options);
        m_choices->setCurrentIndex(q.kind == Question::Kind::Menu ? q.defaultAnswer.toInt()
                                                                  : (q.defaultAnswer == u"yes"_s ? 0 : 1));
        m_choices->show();
        m_field->hide();
        m_choices->setFocus();
    } else {
        m_field->setPlaceholderText(q.defaultAnswer.isEmpty() ? QString()
                                                              : tr("default: %1").arg(q.defaultAnswer));
        m_field->show();
        m_choices->hide();
        m_field->setFocus();
    }
    if (!m_replay.isEmpty()) { // answered before Previous Question: given again for the user
        m_asking = true;
        submit(m_replay.takeFirst());
        return;
    }
    if (m_preselect) { // the question gone back to: its answer chosen, to keep or change
        const QString answer = *m_preselect;
        m_preselect.reset();
        if (q.kind == Question::Kind::Menu)
            m_choices->setCurrentIndex(std::clamp(answer.toInt(), 0, int(m_choices->count()) - 1));
        else if (q.kind == Question::Kind::YesNo)
            m_choices->setCurrentIndex(answer == u"no"_s ? 1 : 0);
        else
            m_field->setText(answer);
    }
    m_asking = true;
    m_questionPage->changed();
    updateButtons();
    Q_EMIT questionAsked(q.text);
}

QString ConfigWizard::currentQuestion() const {
    return m_current.text;
}

void ConfigWizard::answerShown() {
    QString answer;
    if (m_current.kind == Question::Kind::Menu)
        answer = QString::number(m_choices->currentIndex());
    else if (m_current.kind == Question::Kind::YesNo)
        answer = m_choices->currentIndex() == 0 ? u"yes"_s : u"no"_s;
    else
        answer = m_field->text();
    submit(answer);
}

void ConfigWizard::submit(const QString &answer) {
    const QString shown = m_current.kind == Question::Kind::Menu
                              ? m_current.options.value(answer.toInt(), answer)
                              : (answer.isEmpty() ? m_current.defaultAnswer : answer);
    m_transcript->appendPlainText(m_current.text + u"\n    "_s + shown);
    m_answers << answer;
    m_asking = false;
    m_questionPage->changed();
    updateButtons();
    QMutexLocker lock(&m_mutex);
    m_answer = answer;
    m_answered.wakeAll();
}

void ConfigWizard::finishWith(const QuestionnaireResult &r) {
    m_thread.quit();
    if (!r.ok()) {
        m_question->setText(r.error);
        m_choices->hide();
        m_field->hide();
        Q_EMIT stopped(r.error);
        return;
    }
    m_result = r.config;
    m_finished = true;
    m_questionPage->changed();
    const AccelerateConfig config = AccelerateConfig::fromDocument(m_result, m_path->text());
    m_preview->setPlainText(QString::fromUtf8(config.canonicalText(Dialect::Yaml)));
    Q_EMIT completed(m_result);
    if (currentId() == QuestionsPage)
        next(); // to the save page
}

void ConfigWizard::setSavePath(const QString &path) {
    m_path->setText(path);
}

QString ConfigWizard::savePath() const {
    return m_path->text().trimmed();
}

bool ConfigWizard::validateCurrentPage() {
    if (currentId() == QuestionsPage) {
        if (m_finished)
            return true;
        if (m_asking)
            answerShown();
        return false; // the next question comes on this page
    }
    return save();
}

bool ConfigWizard::save() {
    const QString path = savePath();
    m_saveError->clear();
    if (path.isEmpty()) {
        m_saveError->setText(tr("Choose a file to save the config to."));
        return false;
    }
    if (QFileInfo::exists(path) &&
        QMessageBox::question(this, tr("Replace config"), tr("%1 exists. Replace it?").arg(path)) !=
            QMessageBox::Yes)
        return false;
    QString error;
    const QByteArray text =
        AccelerateConfig::fromDocument(m_result, path).canonicalText(dialectForPath(path));
    if (!QDir().mkpath(QFileInfo(path).absolutePath()) || !saveFileAtomically(path, text, &error)) {
        m_saveError->setText(
            tr("Cannot save %1: %2").arg(path, error.isEmpty() ? tr("cannot create its folder") : error));
        return false;
    }
    Q_EMIT saved(path);
    return true;
}

void ConfigWizard::reject() {
    {
        QMutexLocker lock(&m_mutex);
        m_cancelled = true;
        m_answered.wakeAll();
    }
    QWizard::reject();
}

} // namespace trainyard

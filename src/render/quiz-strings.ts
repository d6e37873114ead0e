// Every sentence of the quiz, in English and Korean.
import type { Language } from './i18n.js';
import { josa } from './korean.js';

export interface QuizStrings {
  questionTitle: (round: number, total: number) => string;
  closes: (when: string) => string;
  prompt: {
    establishedInYear: (base: string, year: number) => string;
    decadeOf: (base: string, partner: string) => string;
    yearOf: (base: string, partner: string) => string;
    noRelations: (base: string) => string;
    severed: (base: string) => string;
    mostRecent: (base: string) => string;
    restoredInYear: (year: number) => string;
  };
  decade: (decade: number) => string;
  year: (year: number) => string;
  difficulty: Record<'easy' | 'medium' | 'hard', string>;
  answerWas: (label: string) => string;
  explainEstablished: (base: string, partner: string, date: string) => string;
  explainSevered: (base: string, partner: string, date: string) => string;
  explainNone: (base: string, partner: string) => string;
  explainRestored: (a: string, b: string, date: string) => string;
  source: string;
  gotIt: string;
  nobodyGotIt: string;
  answersCount: (count: number) => string;
  finalTitle: string;
  finalLine: (rank: number, user: string, points: number, right: number, total: number) => string;
  nobodyPlayed: string;
  finalFooter: string;
  recorded: (label: string) => string;
  alreadyAnswered: string;
  closedQuestion: string;
  quizEnded: string;
  endedByRestart: string;
  alreadyRunning: string;
  leaderboardTitle: string;
  leaderboardLine: (rank: number, user: string, points: number, accuracy: number, answered: number) => string;
  leaderboardEmpty: string;
  page: (page: number, pages: number) => string;
  previous: string;
  next: string;
  statsTitle: string;
  stats: { answered: string; right: string; accuracy: string; streak: string; best: string; points: string };
  noStats: (user: string) => string;
}

const en: QuizStrings = {
  questionTitle: (round, total) => `Question ${round} of ${total}`,
  closes: (when) => `Answers close ${when}.`,
  prompt: {
    establishedInYear: (base, year) => `Which country established diplomatic relations with ${base} in ${year}?`,
    decadeOf: (base, partner) => `In which decade did ${partner} and ${base} establish diplomatic relations?`,
    yearOf: (base, partner) => `In which year did ${partner} and ${base} establish diplomatic relations?`,
    noRelations: (base) => `Which of these countries has no diplomatic relations with ${base}?`,
    severed: (base) => `Which of these countries had its relations with ${base} severed?`,
    mostRecent: (base) => `Which of these countries established relations with ${base} most recently?`,
    restoredInYear: (year) => `Which of these pairs of countries restored diplomatic relations in ${year}?`,
  },
  decade: (decade) => `${decade}s`,
  year: (year) => `${year}`,
  difficulty: { easy: 'Easy', medium: 'Medium', hard: 'Hard' },
  answerWas: (label) => `✅ The answer: **${label}**`,
  explainEstablished: (base, partner, date) => `${base} and ${partner} established relations: ${date}.`,
  explainSevered: (base, partner, date) => `Relations between ${base} and ${partner} were severed: ${date}.`,
  explainNone: (base, partner) => `${base} and ${partner} have no diplomatic relations.`,
  explainRestored: (a, b, date) => `${a} and ${b} restored relations after a break: ${date}.`,
  source: 'Source',
  gotIt: 'Got it right',
  nobodyGotIt: 'Nobody got this one.',
  answersCount: (count) => `${count} answer${count === 1 ? '' : 's'}`,
  finalTitle: 'Quiz over: final scores',
  finalLine: (rank, user, points, right, total) =>
    `${rank}. ${user}: ${points.toLocaleString('en-US')} points (${right}/${total} right)`,
  nobodyPlayed: 'Nobody answered this time.',
  finalFooter: 'Scores count towards /quiz leaderboard.',
  recorded: (label) => `You answered **${label}**. The answer is revealed when time is up.`,
  alreadyAnswered: 'You have already answered this question.',
  closedQuestion: 'This question is closed.',
  quizEnded: 'This quiz has ended. Start a new one with /quiz start.',
  endedByRestart: 'This quiz ended because the bot restarted. Scores earned so far are kept.',
  alreadyRunning: 'A quiz is already running in this channel. Join in, or wait for it to end.',
  leaderboardTitle: 'Quiz leaderboard',
  leaderboardLine: (rank, user, points, accuracy, answered) =>
    `${rank}. ${user}: ${points.toLocaleString('en-US')} points (${Math.round(accuracy * 100)}% of ${answered})`,
  leaderboardEmpty: 'No scores yet. Start a quiz with /quiz start.',
  page: (page, pages) => `Page ${page} of ${pages}`,
  previous: 'Previous',
  next: 'Next',
  statsTitle: 'Quiz stats',
  stats: {
    answered: 'Answered',
    right: 'Right',
    accuracy: 'Accuracy',
    streak: 'Current streak',
    best: 'Best streak',
    points: 'Points',
  },
  noStats: (user) => `${user} has not answered any quiz question here yet.`,
};

const ko: QuizStrings = {
  questionTitle: (round, total) => `문제 ${round}/${total}`,
  closes: (when) => `${when} 마감됩니다.`,
  prompt: {
    establishedInYear: (base, year) => `${year}년에 ${josa(base, '과', '와')} 수교한 나라는?`,
    decadeOf: (base, partner) => `${josa(partner, '과', '와')} ${josa(base, '은', '는')} 몇 년대에 수교했을까요?`,
    yearOf: (base, partner) => `${josa(partner, '과', '와')} ${josa(base, '은', '는')} 몇 년에 수교했을까요?`,
    noRelations: (base) => `다음 중 ${josa(base, '과', '와')} 외교 관계가 없는 나라는?`,
    severed: (base) => `다음 중 ${josa(base, '과', '와')}의 관계가 단절된 나라는?`,
    mostRecent: (base) => `다음 중 ${josa(base, '과', '와')} 가장 최근에 수교한 나라는?`,
    restoredInYear: (year) => `다음 중 ${year}년에 외교 관계를 복원한 두 나라는?`,
  },
  decade: (decade) => `${decade}년대`,
  year: (year) => `${year}년`,
  difficulty: { easy: '쉬움', medium: '보통', hard: '어려움' },
  answerWas: (label) => `✅ 정답: **${label}**`,
  explainEstablished: (base, partner, date) => `${josa(base, '과', '와')} ${partner}의 수교: ${date}.`,
  explainSevered: (base, partner, date) => `${josa(base, '과', '와')} ${partner}의 관계 단절: ${date}.`,
  explainNone: (base, partner) => `${josa(base, '과', '와')} ${josa(partner, '은', '는')} 외교 관계가 없습니다.`,
  explainRestored: (a, b, date) =>
    `${josa(a, '과', '와')} ${josa(b, '은', '는')} 단절됐던 관계를 복원했습니다: ${date}.`,
  source: '출처',
  gotIt: '정답자',
  nobodyGotIt: '아무도 맞히지 못했습니다.',
  answersCount: (count) => `응답 ${count}명`,
  finalTitle: '퀴즈 종료: 최종 점수',
  finalLine: (rank, user, points, right, total) =>
    `${rank}. ${user}: ${points.toLocaleString('ko-KR')}점 (${total}문제 중 ${right}개 정답)`,
  nobodyPlayed: '이번에는 아무도 답하지 않았습니다.',
  finalFooter: '점수는 순위표(/퀴즈 순위)에 반영됩니다.',
  recorded: (label) => `**${label}** 선택지로 답했습니다. 시간이 끝나면 정답을 공개합니다.`,
  alreadyAnswered: '이미 이 문제에 답했습니다.',
  closedQuestion: '이 문제는 마감되었습니다.',
  quizEnded: '이 퀴즈는 끝났습니다. 새 퀴즈는 `/퀴즈 시작` 명령으로 시작하세요.',
  endedByRestart: '봇이 다시 시작되어 이 퀴즈가 끝났습니다. 지금까지 얻은 점수는 그대로 남습니다.',
  alreadyRunning: '이 채널에서 이미 퀴즈가 진행 중입니다. 함께 참여하거나 끝날 때까지 기다려 주세요.',
  leaderboardTitle: '퀴즈 순위',
  leaderboardLine: (rank, user, points, accuracy, answered) =>
    `${rank}. ${user}: ${points.toLocaleString('ko-KR')}점 (${answered}문제, 정답률 ${Math.round(accuracy * 100)}%)`,
  leaderboardEmpty: '아직 점수가 없습니다. `/퀴즈 시작` 명령으로 퀴즈를 시작하세요.',
  page: (page, pages) => `${pages}쪽 중 ${page}쪽`,
  previous: '이전',
  next: '다음',
  statsTitle: '퀴즈 기록',
  stats: {
    answered: '응답',
    right: '정답',
    accuracy: '정답률',
    streak: '현재 연속 정답',
    best: '최고 연속 정답',
    points: '점수',
  },
  noStats: (user) => `${user}님은 이 서버에서 아직 퀴즈에 답하지 않았습니다.`,
};

export const quizStrings: Record<Language, QuizStrings> = { en, ko };

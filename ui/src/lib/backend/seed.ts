import type { Article, ArticleInput } from './backend';

const UNIT = 'Trung tâm Văn hóa, Thể thao - Truyền thông huyện';

export const SEED_CATEGORIES = [
  'Tin tức',
  'Tin tức/Kinh tế',
  'Tin tức/Xã hội',
  'Văn hóa',
  'Văn hóa/Lễ hội',
  'Thể thao',
];

export const SEED_ARTICLES: (ArticleInput & { created_at: string })[] = [
  {
    title: 'Hội nghị tổng kết công tác chuyển đổi số năm 2024',
    sapo: 'Sáng 15/1, UBND huyện tổ chức hội nghị tổng kết công tác chuyển đổi số.',
    body: 'Năm 2024, huyện đã hoàn thành nhiều chỉ tiêu quan trọng về **chuyển đổi số**.',
    authors: ['Kim Huệ'],
    unit: UNIT,
    category: 'Tin tức/Xã hội',
    tags: ['chuyển đổi số'],
    status: 'published',
    created_at: '2024-01-15T03:00:00Z',
  },
  {
    title: 'Nâng cấp tuyến đường liên xã Bình Minh',
    sapo: 'Công trình nâng cấp đường liên xã dài 5 km đã hoàn thành trước tiến độ.',
    body: 'Tuyến đường mới giúp người dân đi lại thuận tiện hơn.',
    authors: ['Tùng Lâm', 'Kim Huệ'],
    unit: UNIT,
    category: 'Tin tức/Kinh tế',
    tags: ['giao thông', 'nông thôn mới'],
    status: 'published',
    created_at: '2024-02-03T08:30:00Z',
  },
  {
    title: 'Lễ hội văn hóa dân gian đầu xuân',
    sapo: 'Hàng nghìn người dân và du khách tham dự lễ hội truyền thống.',
    body: 'Lễ hội gồm nhiều trò chơi dân gian: kéo co, đánh đu, ném còn.',
    authors: ['Minh Châu'],
    unit: UNIT,
    category: 'Văn hóa/Lễ hội',
    tags: ['lễ hội', 'du lịch'],
    status: 'published',
    created_at: '2024-02-20T01:15:00Z',
  },
  {
    title: 'Giải bóng đá thiếu niên huyện khởi tranh',
    sapo: '12 đội bóng tham gia tranh tài tại sân vận động trung tâm.',
    body: 'Giải đấu kéo dài hai tuần.',
    authors: ['Tùng Lâm'],
    unit: UNIT,
    category: 'Thể thao',
    tags: ['bóng đá'],
    status: 'draft',
    created_at: '2024-03-10T09:45:00Z',
  },
  {
    title: 'Hợp tác xã nông nghiệp ứng dụng công nghệ cao',
    sapo: 'Mô hình trồng rau trong nhà màng mang lại thu nhập ổn định.',
    body: 'Hợp tác xã đầu tư hệ thống tưới nhỏ giọt tự động.',
    authors: ['Thu Hà'],
    unit: UNIT,
    category: 'Tin tức/Kinh tế',
    tags: ['nông nghiệp'],
    status: 'draft',
    created_at: '2024-03-28T02:00:00Z',
  },
];

const TOPICS = [
  'Hội nghị',
  'Lễ ra quân',
  'Tập huấn',
  'Kiểm tra',
  'Tuyên truyền',
  'Giải chạy',
  'Hội thi',
  'Khánh thành',
];
const SUBJECTS = [
  'văn hóa cơ sở',
  'an toàn giao thông',
  'phòng chống thiên tai',
  'đường giao thông nông thôn',
  'y tế dự phòng',
  'giáo dục hướng nghiệp',
  'thể dục thể thao',
  'bảo vệ môi trường',
];
const AUTHORS = ['Kim Huệ', 'Tùng Lâm', 'Minh Châu', 'Thu Hà', 'Đức Anh', 'Ngọc Lan'];

// Deterministic so tests and screenshots are stable.
export function generateArticles(count: number, startDate = Date.UTC(2014, 5, 1)) {
  const out: (ArticleInput & { created_at: string })[] = [];
  for (let i = 0; i < count; i++) {
    const topic = TOPICS[i % TOPICS.length];
    const subject = SUBJECTS[Math.floor(i / TOPICS.length) % SUBJECTS.length];
    out.push({
      title: `${topic} ${subject} số ${i + 1}`,
      sapo: `Bài viết tự động số ${i + 1} về ${subject}.`,
      body: '',
      authors: [AUTHORS[i % AUTHORS.length]],
      unit: UNIT,
      category: SEED_CATEGORIES[i % SEED_CATEGORIES.length],
      tags: [],
      status: i % 3 === 0 ? 'draft' : 'published',
      created_at: new Date(startDate + i * 3_000_000).toISOString(),
    });
  }
  return out;
}

export type SeedArticle = ArticleInput & { created_at: string };
export type { Article };

/** A photo of the mock library: what an import of a camera file would have recorded. */
export type SeedPhoto = {
  file_name: string;
  width: number;
  height: number;
  caption: string;
  credit: string;
  alt: string;
  imported_at: string;
};

export const SEED_PHOTOS: SeedPhoto[] = [
  {
    file_name: 'hoi-nghi-chuyen-doi-so.jpg',
    width: 4000,
    height: 3000,
    caption: 'Quang cảnh hội nghị tổng kết công tác chuyển đổi số',
    credit: 'Ảnh: Kim Huệ',
    alt: 'Đại biểu ngồi trong hội trường',
    imported_at: '2024-01-15T04:00:00Z',
  },
  {
    file_name: 'keo-co-le-hoi.jpg',
    width: 3000,
    height: 4000,
    caption: 'Thi kéo co tại lễ hội văn hóa dân gian đầu xuân',
    credit: 'Ảnh: Minh Châu',
    alt: '',
    imported_at: '2024-02-20T02:00:00Z',
  },
];
